import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export class DecideItemDto {
  @ApiProperty({ example: 'a1' })
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: '$property must be an achievement id' })
  achievementId!: string;

  @ApiProperty({ description: 'Integer fen', example: 8000000 })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountFen!: number;

  @ApiPropertyOptional({ description: 'Why the amount differs from the proposal, or why nothing is granted' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class DecideApplicationDto {
  @ApiProperty({ type: [DecideItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => DecideItemDto)
  items!: DecideItemDto[];
}
