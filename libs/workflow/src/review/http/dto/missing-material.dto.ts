import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class MissingMaterialDto {
  @ApiPropertyOptional({ description: 'The achievement the material belongs to, if any' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: '$property must be an achievement id' })
  achievementId?: string;

  @ApiProperty({ example: '标准文本' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  material!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
