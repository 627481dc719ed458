import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery, SortSpec } from '@subsidy/common';
import { Role, ROLES } from '@subsidy/tenancy';

/** Sort fields of GET /users; the default order is by username. */
export const USER_SORT = new SortSpec(
  { username: 'username', displayName: 'display_name', role: 'role', districtCode: 'district_code', active: 'active', createdAt: 'created_at' },
  'username',
  'id',
);

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: '是否启用 (active accounts: true, deactivated: false)', enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  active?: 'true' | 'false';

  @ApiPropertyOptional({ description: '只列工作人员账号，不含申报单位账号 (staff accounts only: true)', enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  staff?: 'true' | 'false';

  @ApiPropertyOptional({ description: '用户名、姓名或电子邮件中包含的文字 (part of the username, name or email)', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: USER_SORT.values, description: '排序字段，"-" 前缀为降序；默认按用户名' })
  @IsOptional()
  @IsIn(USER_SORT.values)
  sort?: string;
}
