import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { IsAfterInstantOf, IsInstant } from './field-rules';

export class WindowDto {
  @ApiProperty({ enum: ['batch', 'rolling'], description: 'rolling = all year, case by case (opensAt..closesAt typically spans the program year)' })
  @IsIn(['batch', 'rolling'], { message: '$property must be one of: batch, rolling' })
  kind!: 'batch' | 'rolling';

  @ApiProperty({ example: '2024-03-01T09:00:00+08:00' })
  @IsString()
  @MaxLength(40)
  @IsInstant()
  opensAt!: string;

  @ApiProperty({ example: '2024-03-31T17:00:00+08:00' })
  @IsString()
  @MaxLength(40)
  @IsInstant()
  @IsAfterInstantOf('opensAt')
  closesAt!: string;
}
