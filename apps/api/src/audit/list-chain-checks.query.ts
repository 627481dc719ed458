import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@subsidy/common';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export const CHAIN_CHECK_SORTS = ['checkedOn', '-checkedOn'] as const;

export class ListChainChecksQuery extends PageQuery {
  /** How many days of checks, newest first (1-100, default 30), when neither page nor pageSize is given. */
  @ApiPropertyOptional({ description: 'Days of checks without page/pageSize (default 30)', minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: '检查结果 (true: chain intact, false: broken)', enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  ok?: 'true' | 'false';

  @ApiPropertyOptional({ enum: CHAIN_CHECK_SORTS, description: '排序字段，"-" 前缀为降序；默认最新在前' })
  @IsOptional()
  @IsIn(CHAIN_CHECK_SORTS)
  sort?: string;
}
