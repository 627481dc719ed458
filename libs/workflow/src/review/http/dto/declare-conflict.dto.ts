import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class DeclareConflictDto {
  @ApiProperty({ example: '本人曾参与该标准起草' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
