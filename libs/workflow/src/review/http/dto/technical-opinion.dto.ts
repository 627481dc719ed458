import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

const OPINIONS = ['support', 'reduce', 'reject'] as const;

export class TechnicalOpinionDto {
  @ApiProperty({ enum: OPINIONS })
  @IsIn(OPINIONS, { message: `$property must be one of: ${OPINIONS.join(', ')}` })
  opinion!: (typeof OPINIONS)[number];

  @ApiPropertyOptional({ description: 'Integer fen; at most the item ceiling. Defaults to the ceiling for support.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountFen?: number;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  comment!: string;
}
