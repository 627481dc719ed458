import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsCalendarDate, PageQuery } from '@subsidy/common';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { EVALUATION_STATUSES, EvaluationStatusFilter } from './evaluation-list';

export class EvaluationListQueryDto {
  @ApiPropertyOptional({ description: 'Judge due/overdue at this CST date (default: today)', example: '2025-07-01' })
  @IsOptional()
  @IsString()
  @IsCalendarDate()
  dueBy?: string;

  @ApiPropertyOptional({ enum: EVALUATION_STATUSES, default: 'all' })
  @IsOptional()
  @IsIn([...EVALUATION_STATUSES])
  status?: EvaluationStatusFilter;
}

/** The list's filters with page and pageSize (the spreadsheet takes the filters alone: it is always the whole list). */
export class EvaluationListPageQueryDto extends IntersectionType(EvaluationListQueryDto, PageQuery) {}

export class FundUseReceiptDto {
  @ApiProperty({ example: '2025-06-20' })
  @IsString()
  @IsCalendarDate()
  receivedOn!: string;

  @ApiPropertyOptional({ example: '资金使用情况报告已提交，含审计报告' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
