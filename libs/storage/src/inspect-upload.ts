import { createHash } from 'crypto';
import { fromBuffer } from 'file-type';
import * as path from 'path';
import { UploadRejectedError } from './upload-error';

/** The evidence formats we accept; anything a reviewer's browser shows inline and that cannot run code. */
export const EVIDENCE_TYPES = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
} as const;

export type EvidenceMime = keyof typeof EVIDENCE_TYPES;

export interface UploadLimits {
  maxBytes: number;
  /** Narrows the accepted types; defaults to all of EVIDENCE_TYPES. */
  allowed?: readonly EvidenceMime[];
}

export interface InspectedUpload {
  /** Detected from the bytes, never from the name or the client's Content-Type. */
  mime: EvidenceMime;
  extension: (typeof EVIDENCE_TYPES)[EvidenceMime];
  sizeBytes: number;
  sha256: string;
  /** The name as the user gave it, for display only. */
  declaredName: string;
  /** False when the declared extension disagrees with the content (e.g. a PNG named scan.pdf); accepted but worth showing. */
  declaredExtensionMatches: boolean;
}

const EXTENSION_ALIASES: Record<string, string> = { jpeg: 'jpg', jpe: 'jpg' };

/**
 * Checks an uploaded evidence file before it is stored: not empty, within `limits.maxBytes`, and of an allowed type
 * as detected from its magic bytes. Rejections are UploadRejectedError with code evidence_empty, evidence_too_large
 * or evidence_type_not_allowed, each naming the detected type.
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
  const extension = EVIDENCE_TYPES[detected.mime];
  return {
    mime: detected.mime,
    extension,
    sizeBytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    declaredName,
    declaredExtensionMatches: declaredExtensionOf(declaredName) === extension,
  };
}

function isEvidenceMime(mime: string): mime is EvidenceMime {
  return Object.prototype.hasOwnProperty.call(EVIDENCE_TYPES, mime);
}

function declaredExtensionOf(name: string): string {
  const ext = path.extname(name).slice(1).toLowerCase();
  return EXTENSION_ALIASES[ext] ?? ext;
}

function describe(declaredName: string): string {
  return `file ${JSON.stringify(declaredName.slice(0, 200))}`;
}
