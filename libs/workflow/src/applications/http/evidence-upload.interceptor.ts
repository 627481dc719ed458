import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ValidationFailedError } from '@subsidy/common';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { Observable } from 'rxjs';
import { EvidenceRejectedError } from '../application-errors';
import { EVIDENCE_MAX_BYTES } from '../evidence/evidence-storage.provider';

/**
 * Parses the multipart upload with one `file` part into memory. Multer counts the bytes as they arrive and stops at
 * the limit, so an oversized file is refused without ever being held whole.
 */
@Injectable()
export class EvidenceUploadInterceptor implements NestInterceptor {
  private readonly parse = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1, fields: 10, fieldSize: 4096, parts: 12 },
  }).single('file');

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    await new Promise<void>((resolve, reject) => {
      this.parse(request, response, (error: unknown) => (error ? reject(describe(error)) : resolve()));
    });
    return next.handle();
  }
}

function describe(error: unknown): Error {
  if (!(error instanceof MulterError)) return error instanceof Error ? error : new Error(String(error));
  if (error.code === 'LIMIT_FILE_SIZE') {
    return new EvidenceRejectedError('evidence_too_large', 413, `The file is larger than the limit of ${EVIDENCE_MAX_BYTES} bytes (10 MB)`);
  }
  const path = error.field ?? 'file';
  const message =
    error.code === 'LIMIT_UNEXPECTED_FILE' || error.code === 'LIMIT_FILE_COUNT'
      ? 'send exactly one file, in the part named "file"'
      : `the upload was refused: ${error.message}`;
  return new ValidationFailedError(`Invalid upload: ${path}`, [{ path, message }]);
}
