import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

export class ReassignReviewDto {
  @ApiProperty({ format: 'uuid', description: 'The district reviewer (for a district review) or technical reviewer (for a technical review) who takes the work over' })
  @IsUUID('all')
  assigneeId!: string;

  @ApiProperty({ description: 'Why the work moves (the reviewer is away, the district has no reviewer, the stage is overdue…)', maxLength: 1000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}
