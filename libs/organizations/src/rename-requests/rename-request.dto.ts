import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotBlank, PageQuery, SortSpec } from '@subsidy/common';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { RENAME_REQUEST_STATUSES, RenameRequestStatus } from './rename-request-record';

export class DecideRenameRequestDto {
  @ApiProperty({ maxLength: 2000, description: 'Why, as the applicant will read it, e.g. 已核对市场监管部门变更登记通知书' })
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  reason!: string;
}

/** Sort fields of GET /organization-rename-requests; the default order is oldest first. */
export const RENAME_REQUEST_SORT = new SortSpec({ requestedAt: 'requested_at', decidedAt: 'decided_at', currentName: 'current_name', requestedName: 'requested_name' }, 'requested_at', 'id');

export class ListRenameRequestsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: [...RENAME_REQUEST_STATUSES, 'all'], default: 'pending' })
  @IsOptional()
  @IsIn([...RENAME_REQUEST_STATUSES, 'all'])
  status?: RenameRequestStatus | 'all';

  @ApiPropertyOptional({ description: '原名称或新名称中包含的文字 (part of the current or requested name)', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: RENAME_REQUEST_SORT.values, description: '排序字段，"-" 前缀为降序；默认最早的在前' })
  @IsOptional()
  @IsIn(RENAME_REQUEST_SORT.values)
  sort?: string;
}
