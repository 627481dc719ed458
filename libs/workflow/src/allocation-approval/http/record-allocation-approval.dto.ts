import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, IsNotBlank } from '@subsidy/common';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RecordAllocationApprovalDto {
  @ApiPropertyOptional({ description: "The approving body as named on the approval; defaults to the body the program's policy names", example: '佛山市人民政府' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  approvedBy?: string;

  @ApiProperty({ description: 'Document number of the approval (批复文号)', example: '佛府函〔2023〕112号' })
  @Transform(trimmed)
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  documentNo!: string;

  @ApiProperty({ description: 'Date of the approval, a China Standard Time date; not in the future, not before the decision', example: '2023-10-20' })
  @IsCalendarDate()
  approvedOn!: string;

  @ApiProperty({ description: "Total the approval allocates, integer fen; must equal the total of the program's approved awards", example: 46_333_300 })
  @IsInt()
  @Min(0)
  approvedTotalFen!: number;

  @ApiPropertyOptional({ description: 'Free note (kept in the audit record as the reason)' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(2000)
  note?: string;
}
