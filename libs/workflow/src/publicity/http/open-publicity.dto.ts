import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class OpenPublicityDto {
  @ApiProperty({ description: 'First day of the publicity, a China Standard Time date', example: '2025-09-29' })
  @IsString()
  @MaxLength(10)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' })
  startsOn!: string;
}
