import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUscc } from '@subsidy/organizations';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

export class ExpertProfileDto {
  @ApiPropertyOptional({ example: '机械制造' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  field?: string;

  @ApiProperty({ type: [String], description: 'Unified social credit codes of the units the expert works for or with' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(18, { each: true })
  @IsUscc({ each: true })
  affiliatedUsccs!: string[];

  @ApiProperty()
  @IsBoolean()
  active!: boolean;
}
