import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { MissingMaterialDto } from './missing-material.dto';

const OUTCOMES = ['complete', 'correction', 'reject'] as const;

export class FormalCheckDto {
  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES, { message: `$property must be one of: ${OUTCOMES.join(', ')}` })
  outcome!: (typeof OUTCOMES)[number];

  @ApiPropertyOptional({ type: [MissingMaterialDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MissingMaterialDto)
  missing?: MissingMaterialDto[];

  @ApiPropertyOptional({ description: 'Required to reject' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
