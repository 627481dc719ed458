import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '@subsidy/common';

/** Notifications sort by time only: `-createdAt` (newest first, the default) or `createdAt`. */
export const NOTIFICATION_SORTS = ['createdAt', '-createdAt'] as const;

export class ListNotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Rows per page with `cursor` (the original keyset paging; default 20)', minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (newest-first order only)', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ description: '仅未读 (true: only unread; false or absent: all)', enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';

  @ApiPropertyOptional({ enum: NOTIFICATION_SORTS, description: '排序字段，"-" 前缀为降序；默认最新在前' })
  @IsOptional()
  @IsIn(NOTIFICATION_SORTS)
  sort?: string;
}
