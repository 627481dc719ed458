import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** OpenAPI: a 200 answer that is a file (bytes, not JSON) of one of `mediaTypes`. */
export function ApiFileResponse(description: string, ...mediaTypes: string[]): MethodDecorator & ClassDecorator {
  return applyDecorators(ApiProduces(...mediaTypes), ApiOkResponse({ description, schema: { type: 'string', format: 'binary' } }));
}
