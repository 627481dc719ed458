import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

/** Scores and amounts are maps keyed by the program's rubric and the application's items; the use case checks them. */
export class ScoreDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Criterion key -> points in hundredths (17.5 points = 1750)', example: { innovation: 1750 } })
  @IsDefined()
  @IsObject()
  scores!: Record<string, unknown>;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Achievement id -> proposed amount in integer fen', example: { a1: 20000000 } })
  @IsDefined()
  @IsObject()
  amounts!: Record<string, unknown>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string;
}
