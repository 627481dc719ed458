import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { readMultipartUpload, ValidationFailedError } from '@subsidy/common';
import multer, { MulterError } from 'multer';
import { Observable } from 'rxjs';
import { OFFICIAL_LIST_MAX_BYTES } from '../imports/list-storage.provider';

/**
 * The multipart upload of a list: one `file` part, in memory, refused while it streams in once over 20 MB (busboy's
 * limit is one byte above ours, see the evidence interceptor); the text fields get the edge's checks and NFC.
 */
@Injectable()
export class ListUploadInterceptor implements NestInterceptor {
  private readonly parse = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: OFFICIAL_LIST_MAX_BYTES + 1, files: 1, fields: 10, fieldSize: 4096, parts: 12 },
  }).single('file');

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    await readMultipartUpload(context, this.parse, describe);
    return next.handle();
  }
}

function describe(error: unknown): Error {
  if (error instanceof MulterError && error.code === 'LIMIT_FILE_SIZE') {
    return new ValidationFailedError({ zh: '文件超过 20 MB 上限', en: 'Invalid upload: file (larger than 20 MB)' }, [
      { path: 'file', message: `larger than ${OFFICIAL_LIST_MAX_BYTES} bytes`, messageZh: '文件超过 20 MB' },
    ]);
  }
  const path = error instanceof MulterError ? error.field ?? 'file' : 'file';
  const reason = error instanceof Error ? error.message : String(error);
  return new ValidationFailedError({ zh: '上传的文件无法读取，请重新选择文件上传', en: `Invalid upload: ${path}` }, [
    { path, message: `the upload could not be read: ${reason}`, messageZh: '文件无法读取' },
  ]);
}

/** Multer decodes a UTF-8 file name as Latin-1; recover what the user sent (see upload-evidence.ts). */
export function receivedName(received: string): string {
  if (/[^\u0000-\u00ff]/.test(received)) return received;
  const recovered = Buffer.from(received, 'latin1').toString('utf8');
  return recovered.includes('\uFFFD') ? received : recovered;
}

export function requireFile(file: Express.Multer.File | undefined): Express.Multer.File {
  if (!file || file.size === 0) {
    throw new ValidationFailedError({ zh: '请选择要上传的名单文件', en: 'Invalid upload: file' }, [{ path: 'file', message: 'a non-empty multipart part named "file" is required', messageZh: '请选择文件' }]);
  }
  return file;
}
