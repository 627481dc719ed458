import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { readMultipartUpload, ValidationFailedError } from '@subsidy/common';
import multer, { MulterError } from 'multer';
import { Observable } from 'rxjs';
import { EvidenceRejectedError } from '../application-errors';
import { EVIDENCE_MAX_BYTES } from '../evidence/evidence-storage.provider';

/**
 * Busboy (under multer) reports a file as too large as soon as it has counted `fileSize` bytes, so a file of exactly
 * the limit would be refused: its limit is one byte above ours, and the first byte past 10 MB is the one refused.
 */
const MULTER_FILE_SIZE_LIMIT = EVIDENCE_MAX_BYTES + 1;

/**
 * Parses the multipart upload with one `file` part into memory. Multer counts the bytes as they arrive and stops at
 * the limit, so an oversized file is refused without ever being held whole.
 */
@Injectable()
export class EvidenceUploadInterceptor implements NestInterceptor {
  private readonly parse = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MULTER_FILE_SIZE_LIMIT, files: 1, fields: 10, fieldSize: 4096, parts: 12 },
  }).single('file');

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    await readMultipartUpload(context, this.parse, describe);
    return next.handle();
  }
}

function describe(error: unknown): Error {
  if (!(error instanceof MulterError)) {
    // Busboy's own parse errors ("Malformed part header" for a control character in a file name, "Unexpected end of
    // form"): the client sent a body that is not well-formed multipart, which is a 400, not our failure.
    const reason = error instanceof Error ? error.message : String(error);
    return new ValidationFailedError({ zh: '上传的文件无法读取，请重新选择文件上传', en: 'Invalid upload: file' }, [
      { path: 'file', message: `the multipart body could not be read: ${reason}`, messageZh: '文件无法读取' },
    ]);
  }
  if (error.code === 'LIMIT_FILE_SIZE') {
    return new EvidenceRejectedError('evidence_too_large', 413, {
      en: `The file is larger than the limit of ${EVIDENCE_MAX_BYTES} bytes (10 MB)`,
      zh: `文件超过 10 MB（${EVIDENCE_MAX_BYTES} 字节）上限`,
    });
  }
  const path = error.field ?? 'file';
  const one = error.code === 'LIMIT_UNEXPECTED_FILE' || error.code === 'LIMIT_FILE_COUNT';
  const message = one ? 'send exactly one file, in the part named "file"' : `the upload was refused: ${error.message}`;
  const messageZh = one ? '每次只能上传一个文件' : '上传未被接受';
  return new ValidationFailedError({ zh: `上传失败：${messageZh}`, en: `Invalid upload: ${path}` }, [{ path, message, messageZh }]);
}
