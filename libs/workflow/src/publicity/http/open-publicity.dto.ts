import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '@subsidy/common';
import { IsString, MaxLength } from 'class-validator';

export class OpenPublicityDto {
  @ApiProperty({ description: 'First day of the publicity, a China Standard Time date', example: '2025-09-29' })
  @IsString()
  @MaxLength(10)
  @IsCalendarDate()
  startsOn!: string;
}
