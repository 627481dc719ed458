import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI documentation of ErrorBody's `details` entries (error-body.ts); never instantiated. */
export class ErrorDetailDto {
  @ApiProperty({ description: 'JSON path of the offending field; empty when the error concerns the whole request', example: 'achievements[0].level' })
  declare path: string;

  @ApiProperty({ description: 'What is wrong with it, in the reader\'s language (Accept-Language; Chinese by default)', example: '必须是以下值之一：national, industry, local' })
  declare message: string;
}

/** OpenAPI documentation of ErrorBody (error-body.ts): the one shape of every 4xx and 5xx answer. */
export class ErrorBodyDto {
  @ApiProperty({ description: 'Stable machine-readable code; clients branch on it, never on the message', example: 'validation_failed' })
  declare code: string;

  @ApiProperty({ description: 'Summary for people, Chinese unless Accept-Language prefers English', example: '提交的内容有误，请按各项提示修改' })
  declare message: string;

  @ApiProperty({ type: [ErrorDetailDto], description: 'Field by field, what is wrong; empty when the summary says it all' })
  declare details: ErrorDetailDto[];

  @ApiPropertyOptional({ description: 'The request id, also in the X-Request-Id header; quote it when reporting a problem', example: 'req-7f3a9c' })
  declare requestId?: string;
}
