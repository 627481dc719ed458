import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery, SortSpec } from '@subsidy/common';
import { IsIn, IsOptional } from 'class-validator';

/** Sort fields of GET /policies; the default order is the files' (oldest first). The columns name the view's fields. */
export const POLICY_SORT = new SortSpec({ id: 'id', title: 'title', effectiveFrom: 'effectiveFrom', effectiveTo: 'effectiveTo' }, 'effectiveFrom', 'id');

export class ListPoliciesQuery extends PageQuery {
  @ApiPropertyOptional({ description: '今天是否有效 (true: in force today)', enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  inForce?: 'true' | 'false';

  @ApiPropertyOptional({ enum: POLICY_SORT.values, description: '排序字段，"-" 前缀为降序；默认最早的在前' })
  @IsOptional()
  @IsIn(POLICY_SORT.values)
  sort?: string;
}
