import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { EVALUATION_STATUSES, EvaluationStatusFilter } from './evaluation-list';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = '$property must be a date YYYY-MM-DD';

export class EvaluationListQueryDto {
  @ApiPropertyOptional({ description: 'Judge due/overdue at this CST date (default: today)', example: '2025-07-01' })
  @IsOptional()
  @IsString()
  @Matches(DATE, { message: DATE_MESSAGE })
  dueBy?: string;

  @ApiPropertyOptional({ enum: EVALUATION_STATUSES, default: 'all' })
  @IsOptional()
  @IsIn([...EVALUATION_STATUSES])
  status?: EvaluationStatusFilter;
}

export class FundUseReceiptDto {
  @ApiProperty({ example: '2025-06-20' })
  @IsString()
  @Matches(DATE, { message: DATE_MESSAGE })
  receivedOn!: string;

  @ApiPropertyOptional({ example: '资金使用情况报告已提交，含审计报告' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
