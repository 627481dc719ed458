import { createHash } from 'crypto';
import { fromBuffer } from 'file-type';
import { cleanFileName, declaredExtensionOf } from './file-name';
import { imageDimensions, ImageMime } from './image-dimensions';
import { inspectPdf } from './pdf-active-content';
import { UploadRejectedError } from './upload-error';

/** The evidence formats we accept; anything a reviewer's browser shows inline and that cannot run code. */
export const EVIDENCE_TYPES = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
} as const;

export type EvidenceMime = keyof typeof EVIDENCE_TYPES;

/** 50 megapixels: a full-page scan at 600 dpi is about 35; more is a bomb or a mistake. */
export const DEFAULT_MAX_IMAGE_PIXELS = 50_000_000;

export interface UploadLimits {
  maxBytes: number;
  /** Narrows the accepted types; defaults to all of EVIDENCE_TYPES. */
  allowed?: readonly EvidenceMime[];
  /** Width × height an image may declare; defaults to DEFAULT_MAX_IMAGE_PIXELS. */
  maxImagePixels?: number;
}

export interface InspectedUpload {
  /** Detected from the bytes, never from the name or the client's Content-Type. */
  mime: EvidenceMime;
  extension: (typeof EVIDENCE_TYPES)[EvidenceMime];
  sizeBytes: number;
  sha256: string;
  /** The name as the user gave it; never shown as is (see fileName). */
  declaredName: string;
  /** The name to show and serve: no control or bidirectional characters, NFC, with the content's extension. */
  fileName: string;
  /** False when the declared extension disagrees with the content (e.g. a PNG named scan.pdf); fileName then corrects it. */
  declaredExtensionMatches: boolean;
  /** Width and height for images, read from the header. */
  dimensions?: { width: number; height: number };
}

/**
 * Checks an uploaded evidence file before it is stored: not empty, within `limits.maxBytes`, of an allowed type as
 * detected from its magic bytes, an image of at most `maxImagePixels` (read from its header, never decoded), a PDF
 * without JavaScript or automatic actions. Rejections are UploadRejectedError (codes in upload-error.ts), each naming
 * the detected type.
 */
export async function inspectUpload(bytes: Buffer, declaredName: string, limits: UploadLimits): Promise<InspectedUpload> {
  if (!Number.isSafeInteger(limits.maxBytes) || limits.maxBytes < 1) {
    throw new RangeError(`limits.maxBytes must be a positive whole number, got ${limits.maxBytes}`);
  }
  if (bytes.length === 0) {
    throw new UploadRejectedError('evidence_empty', `${describe(declaredName)} is empty`, undefined);
  }
  const detected = await fromBuffer(bytes);
  const detectedType = detected?.mime ?? 'unknown';
  if (bytes.length > limits.maxBytes) {
    throw new UploadRejectedError(
      'evidence_too_large',
      `${describe(declaredName)} is ${bytes.length} bytes (${detectedType}); the limit is ${limits.maxBytes} bytes`,
      detectedType,
    );
  }
  const allowed: readonly string[] = limits.allowed ?? (Object.keys(EVIDENCE_TYPES) as EvidenceMime[]);
  if (!detected || !allowed.includes(detected.mime) || !isEvidenceMime(detected.mime)) {
    const what = detected ? `${detected.mime} (.${detected.ext})` : 'of unknown type';
    throw new UploadRejectedError(
      'evidence_type_not_allowed',
      `${describe(declaredName)} is ${what} by its content; allowed: ${allowed.join(', ')}`,
      detectedType,
    );
  }
  const mime = detected.mime;
  const extension = EVIDENCE_TYPES[mime];
  const dimensions = mime === 'application/pdf' ? checkPdf(bytes, declaredName) : checkImage(bytes, mime, declaredName, limits.maxImagePixels ?? DEFAULT_MAX_IMAGE_PIXELS);
  return {
    mime,
    extension,
    sizeBytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    declaredName,
    fileName: cleanFileName(declaredName, extension),
    declaredExtensionMatches: declaredExtensionOf(declaredName) === extension,
    ...(dimensions ? { dimensions } : {}),
  };
}

function checkImage(bytes: Buffer, mime: ImageMime, declaredName: string, maxPixels: number): { width: number; height: number } {
  const dimensions = imageDimensions(bytes, mime);
  if (!dimensions) {
    throw new UploadRejectedError('evidence_image_unreadable', `${describe(declaredName)} is ${mime} but its header declares no image size`, mime);
  }
  const pixels = dimensions.width * dimensions.height;
  if (pixels > maxPixels) {
    throw new UploadRejectedError(
      'evidence_image_too_many_pixels',
      `${describe(declaredName)} is a ${dimensions.width}×${dimensions.height} image (${megapixels(pixels)} megapixels); the limit is ${megapixels(maxPixels)} megapixels`,
      mime,
    );
  }
  return dimensions;
}

function checkPdf(bytes: Buffer, declaredName: string): undefined {
  const inspection = inspectPdf(bytes);
  if (inspection.activeContent.length > 0) {
    throw new UploadRejectedError(
      'evidence_pdf_active_content',
      `${describe(declaredName)} contains JavaScript or automatic actions (${inspection.activeContent.map((n) => `/${n}`).join(', ')}); ` +
        'print it to a new PDF and upload that',
      'application/pdf',
    );
  }
  if (inspection.uninspectable) {
    throw new UploadRejectedError(
      'evidence_pdf_uninspectable',
      `${describe(declaredName)} could not be checked for scripts: ${inspection.uninspectable}; save it again without a password and upload that`,
      'application/pdf',
    );
  }
  return undefined;
}

function megapixels(pixels: number): string {
  return String(Math.round(pixels / 100_000) / 10);
}

function isEvidenceMime(mime: string): mime is EvidenceMime {
  return Object.prototype.hasOwnProperty.call(EVIDENCE_TYPES, mime);
}

function describe(declaredName: string): string {
  return `file ${JSON.stringify(declaredName.slice(0, 200))}`;
}
