import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { MissingMaterialDto } from './missing-material.dto';

const OUTCOMES = ['forward', 'return', 'reject'] as const;

export class DistrictReviewDto {
  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES, { message: `$property must be one of: ${OUTCOMES.join(', ')}` })
  outcome!: (typeof OUTCOMES)[number];

  @ApiPropertyOptional({ type: [String], description: 'Required to return or reject' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  reasons?: string[];

  @ApiPropertyOptional({ type: [MissingMaterialDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MissingMaterialDto)
  missing?: MissingMaterialDto[];

  @ApiPropertyOptional({
    description: "Why a program officer acts in the district reviewer's place (no reviewer, or one away while the stage waits); required from a program officer, unused from a district reviewer",
    maxLength: 1000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}
