import type { ExecutionContext } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import { InputRefusedError } from './input-errors';
import { inspectTextFields } from './text-checks';

/**
 * Runs a multer parser inside an interceptor and gives the text fields of the multipart body, which arrive only now,
 * past the edge's checks of JSON bodies, the same checks (Unicode, NUL, keys) and NFC. `describe` turns multer's or
 * busboy's error into the module's own 4xx.
 */
export async function readMultipartUpload(context: ExecutionContext, parse: RequestHandler, describe: (error: unknown) => Error): Promise<void> {
  const request = context.switchToHttp().getRequest<Request>();
  const response = context.switchToHttp().getResponse<Response>();
  await new Promise<void>((resolve, reject) => {
    parse(request, response, (error: unknown) => (error ? reject(describe(error)) : resolve()));
  });
  const fields = inspectTextFields((request.body ?? {}) as Record<string, unknown>);
  if (fields.issues.length) throw new InputRefusedError(fields.issues);
  request.body = fields.value;
}
