import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { APPLICATION_STATUSES, ApplicationStatus } from '../../../core';
import { APPLICATION_SORT } from './list-applications.query';

/** GET /programs/:id/applications/export: the list's own filters and sort, or the rows the officer selected. */
export class ExportApplicationsQuery {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  @ApiPropertyOptional({ description: '单位名称或统一社会信用代码中包含的文字 (part of the organization name or its USCC)', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: APPLICATION_SORT.values, description: '排序字段，"-" 前缀为降序；默认按创建时间' })
  @IsOptional()
  @IsIn(APPLICATION_SORT.values)
  sort?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 500,
    description: 'Only these applications (the rows selected on the list), comma-separated or repeated; the filters still apply',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  ids?: string[];
}
