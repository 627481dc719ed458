import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQuery, SortSpec } from '@subsidy/common';

/** Sort fields of the public list of publicities; the default order is the latest start first. */
export const PUBLIC_PUBLICITY_SORT = new SortSpec(
  { startsOn: 'p.starts_on', endsOn: 'p.ends_on', programYear: 'g.year', programTitle: 'g.title', status: 'p.status' },
  'p.starts_on desc',
  'p.id',
);

export class ListPublicPublicitiesQuery extends PageQuery {
  @ApiPropertyOptional({ description: '公示状态 (open: in progress, closed: ended)', enum: ['open', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';

  @ApiPropertyOptional({ description: '项目年度 (the program year)', minimum: 2000, maximum: 2100, type: 'integer' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ description: '项目名称中包含的文字 (part of the program title)', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: PUBLIC_PUBLICITY_SORT.values, description: '排序字段，"-" 前缀为降序；默认开始日期倒序' })
  @IsOptional()
  @IsIn(PUBLIC_PUBLICITY_SORT.values)
  sort?: string;
}
