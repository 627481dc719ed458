export type UploadRejectionCode = 'evidence_empty' | 'evidence_too_large' | 'evidence_type_not_allowed';

/** An upload refused before storage; `detectedType` is what the bytes really are (a MIME type, or 'unknown'). */
export class UploadRejectedError extends Error {
  constructor(
    readonly code: UploadRejectionCode,
    message: string,
    readonly detectedType: string | undefined,
    readonly path = 'file',
  ) {
    super(message);
    this.name = 'UploadRejectedError';
  }
}
