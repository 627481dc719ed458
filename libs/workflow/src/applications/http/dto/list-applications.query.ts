import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQuery, SortSpec } from '@subsidy/common';
import { APPLICATION_STATUSES, ApplicationStatus } from '../../../core';

/** Sort fields of GET /applications; the default order is by creation. */
export const APPLICATION_SORT = new SortSpec(
  {
    createdAt: 'a.created_at',
    updatedAt: 'a.updated_at',
    submittedAt: 'a.submitted_at',
    organizationName: 'o.name',
    districtCode: 'a.district_code',
    status: 'a.status',
    stageDueOn: 'a.stage_due_on',
    estimateTotalFen: 'a.estimate_total_fen',
    decidedTotalFen: 'a.decided_total_fen',
    rank: 'a.rank',
  },
  'a.created_at',
  'a.id',
);

export class ListApplicationsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  programId?: string;

  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  @ApiPropertyOptional({ description: '区县代码 (district code)', pattern: '^[0-9]{6}$' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{6}$/)
  districtCode?: string;

  @ApiPropertyOptional({ description: '单位名称或统一社会信用代码中包含的文字 (part of the organization name or its USCC)', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: APPLICATION_SORT.values, description: '排序字段，"-" 前缀为降序；默认按创建时间' })
  @IsOptional()
  @IsIn(APPLICATION_SORT.values)
  sort?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, deprecated: true, description: 'Superseded by pageSize; wins over page/pageSize when given' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, deprecated: true, description: 'Superseded by page; wins over page/pageSize when given' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}
