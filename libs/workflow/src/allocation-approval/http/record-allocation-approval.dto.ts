import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

export class RecordAllocationApprovalDto {
  @ApiPropertyOptional({ description: "The approving body as named on the approval; defaults to the body the program's policy names", example: '佛山市人民政府' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  approvedBy?: string;

  @ApiProperty({ description: 'Document number of the approval (批复文号)', example: '佛府函〔2023〕112号' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  documentNo!: string;

  @ApiProperty({ description: 'Date of the approval, a China Standard Time date; not in the future, not before the decision', example: '2023-10-20' })
  @IsString()
  @MaxLength(10)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' })
  approvedOn!: string;

  @ApiProperty({ description: "Total the approval allocates, integer fen; must equal the total of the program's approved awards", example: 46_333_300 })
  @IsInt()
  @Min(0)
  approvedTotalFen!: number;

  @ApiPropertyOptional({ description: 'Free note (kept in the audit record as the reason)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
