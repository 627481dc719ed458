import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** The text fields of the multipart upload (the file itself is the `file` part). */
export class UploadEvidenceDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'PDF, PNG, JPEG or WebP, at most 10 MB' })
  file?: unknown;

  @ApiPropertyOptional({ description: 'The achievement this file supports' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  achievementId?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Which required material this is, e.g. 标准文本' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  material?: string;
}
