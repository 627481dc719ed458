import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export class ReReviewedItemDto {
  @ApiProperty()
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: '$property must be an achievement id' })
  achievementId!: string;

  @ApiProperty({ description: 'Integer fen' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountFen!: number;
}

export class ResolveObjectionDto {
  @ApiProperty({ enum: ['upheld', 'dismissed'] })
  @IsIn(['upheld', 'dismissed'], { message: '$property must be upheld or dismissed' })
  outcome!: 'upheld' | 'dismissed';

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  explanation!: string;

  @ApiPropertyOptional({ type: [ReReviewedItemDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ReReviewedItemDto)
  items?: ReReviewedItemDto[];
}
