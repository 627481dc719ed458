import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery, SortSpec } from '@subsidy/common';
import { ORGANIZATION_KINDS, OrganizationKind } from '../organization-record';
import { REGISTRATION_STATUSES, RegistrationStatus } from '../registration/registration-store';

/** Sort fields of GET /organizations; the default order is by name. */
export const ORGANIZATION_SORT = new SortSpec(
  { name: 'name', uscc: 'uscc', kind: 'kind', districtCode: 'district_code', status: 'registration_status', createdAt: 'created_at' },
  'name',
  'id',
);

export class ListOrganizationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: '名称或统一社会信用代码中包含的文字 (part of the name or the USCC)', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: '注册审核状态 (registration status)', enum: REGISTRATION_STATUSES })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES)
  status?: RegistrationStatus;

  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS)
  kind?: OrganizationKind;

  @ApiPropertyOptional({ description: '区县代码 (district code)', pattern: '^[0-9]{6}$' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{6}$/)
  districtCode?: string;

  @ApiPropertyOptional({ enum: ORGANIZATION_SORT.values, description: '排序字段，"-" 前缀为降序；默认按名称' })
  @IsOptional()
  @IsIn(ORGANIZATION_SORT.values)
  sort?: string;
}
