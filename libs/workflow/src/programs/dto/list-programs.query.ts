import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQuery, SortSpec } from '@subsidy/common';
import { ProgramStatus } from '../../core';

export const PROGRAM_STATUSES: readonly ProgramStatus[] = ['draft', 'scheduled', 'open', 'closed', 'decided', 'publicized', 'handed_over', 'cancelled'];

/** Sort fields of GET /programs; the default order is the newest year first, then the latest opening. */
export const PROGRAM_SORT = new SortSpec(
  { year: 'year', title: 'title', status: 'status', opensAt: 'opens_at', closesAt: 'closes_at', budgetTotalFen: 'budget_total_fen' },
  'year desc, opens_at desc',
  'id',
);

export class ListProgramsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PROGRAM_STATUSES })
  @IsOptional()
  @IsIn(PROGRAM_STATUSES)
  status?: ProgramStatus;

  @ApiPropertyOptional({ description: '年度 (year)', minimum: 2000, maximum: 2100, type: 'integer' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ description: '项目名称中包含的文字 (part of the title)', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: PROGRAM_SORT.values, description: '排序字段，"-" 前缀为降序；默认年度倒序、开始时间倒序' })
  @IsOptional()
  @IsIn(PROGRAM_SORT.values)
  sort?: string;
}
