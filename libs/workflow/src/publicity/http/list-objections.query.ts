import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery, SortSpec } from '@subsidy/common';

/** Sort fields of GET /objections; the default order is by arrival. */
export const OBJECTION_SORT = new SortSpec({ createdAt: 'created_at', resolvedAt: 'resolved_at', status: 'status' }, 'created_at', 'id');

export class ListObjectionsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['received', 'upheld', 'dismissed'] })
  @IsOptional()
  @IsIn(['received', 'upheld', 'dismissed'], { message: '$property must be received, upheld or dismissed' })
  status?: 'received' | 'upheld' | 'dismissed';

  @ApiPropertyOptional({ format: 'uuid', description: '公示 (the publicity)' })
  @IsOptional()
  @IsUUID()
  publicityId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '申报 (the application objected to)' })
  @IsOptional()
  @IsUUID()
  applicationId?: string;

  @ApiPropertyOptional({ enum: OBJECTION_SORT.values, description: '排序字段，"-" 前缀为降序；默认按收到时间' })
  @IsOptional()
  @IsIn(OBJECTION_SORT.values)
  sort?: string;
}
