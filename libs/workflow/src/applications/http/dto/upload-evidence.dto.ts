import { ApiBody, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const ACHIEVEMENT_ID = { description: 'The achievement this file supports', maxLength: 64, pattern: '^[A-Za-z0-9_-]{1,64}$' } as const;
const MATERIAL = { maxLength: 200, description: 'Which required material this is, e.g. 标准文本' } as const;

/**
 * The text fields of the multipart upload, and nothing else. The file is the `file` part, which multer takes off the
 * request before validation; it is deliberately no field of this class: under ES2022 class-field semantics (what tsc
 * emits for the build) a declared field becomes an own property of every instance, and the validation whitelist then
 * refuses every upload with "property file should not exist". The route documents the whole body with
 * ApiUploadEvidenceBody instead.
 */
export class UploadEvidenceDto {
  @ApiPropertyOptional(ACHIEVEMENT_ID)
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  achievementId?: string;

  @ApiPropertyOptional(MATERIAL)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  material?: string;
}

/** The multipart body as OpenAPI shows it: the `file` part beside the text fields of UploadEvidenceDto. */
export const ApiUploadEvidenceBody = (): MethodDecorator =>
  ApiBody({
    required: true,
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'PDF, PNG, JPEG or WebP, at most 10 MB' },
        achievementId: { type: 'string', ...ACHIEVEMENT_ID },
        material: { type: 'string', ...MATERIAL },
      },
    },
  });
