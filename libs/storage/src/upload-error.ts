export type UploadRejectionCode =
  | 'evidence_empty'
  | 'evidence_too_large'
  | 'evidence_type_not_allowed'
  /** An image declaring more pixels than allowed (a decompression bomb, or a needlessly huge scan). */
  | 'evidence_image_too_many_pixels'
  /** An image whose header declares no size (truncated or malformed). */
  | 'evidence_image_unreadable'
  /** A PDF with JavaScript or automatic actions (/JavaScript, /JS, /AA, /Launch). */
  | 'evidence_pdf_active_content'
  /** A PDF whose structure could not be read to check for active content (encrypted or damaged object streams). */
  | 'evidence_pdf_uninspectable';

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
