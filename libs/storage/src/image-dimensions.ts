/**
 * Width and height of a PNG, JPEG or WebP image read from its header, without decoding a pixel: a small file can
 * declare a huge canvas (a "decompression bomb") that would exhaust a reviewer's viewer or any thumbnailer, so the
 * declared size is checked before the file is accepted.
 */

export interface ImageDimensions {
  width: number;
  height: number;
}

export type ImageMime = 'image/png' | 'image/jpeg' | 'image/webp';

/** The declared dimensions, or undefined when the header is missing, truncated or declares a zero size. */
export function imageDimensions(bytes: Buffer, mime: ImageMime): ImageDimensions | undefined {
  const read = mime === 'image/png' ? png : mime === 'image/jpeg' ? jpeg : webp;
  const found = read(bytes);
  return found && found.width > 0 && found.height > 0 ? found : undefined;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** PNG: the first chunk must be IHDR; width and height are its first two big-endian 32-bit fields. */
function png(bytes: Buffer): ImageDimensions | undefined {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return undefined;
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** JPEG start-of-frame markers (SOF0–SOF15 less DHT C4, JPG C8 and DAC CC), which carry the frame's size. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/**
 * JPEG: walks the marker segments from SOI to the first start-of-frame (precision, height, width). Segments such as
 * EXIF (which may hold a thumbnail with its own frame) are skipped by their length, so the frame found is the image's.
 */
function jpeg(bytes: Buffer): ImageDimensions | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1];
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    // Standalone markers have no length: TEM and the restart markers.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    // End of image or start of scan before any frame: there is no size to read.
    if (marker === 0xd9 || marker === 0xda) return undefined;
    const length = bytes.readUInt16BE(offset + 2);
    if (length < 2) return undefined;
    if (isStartOfFrame(marker)) {
      if (offset + 9 > bytes.length) return undefined;
      return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    }
    offset += 2 + length;
  }
  return undefined;
}

/** WebP: RIFF/WEBP, then a lossy (VP8), lossless (VP8L) or extended (VP8X, canvas size) first chunk. */
function webp(bytes: Buffer): ImageDimensions | undefined {
  if (bytes.length < 30 || bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WEBP') return undefined;
  const chunk = bytes.toString('latin1', 12, 16);
  if (chunk === 'VP8 ') {
    // Frame tag (3 bytes), start code 9d 01 2a, then 14-bit width and height (2 scale bits above each).
    if (bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) return undefined;
    return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    // Signature 0x2f, then width-1 and height-1 in 14 bits each, little-endian bit order.
    if (bytes[20] !== 0x2f) return undefined;
    const bits = bytes.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    // Flags (4 bytes), then canvas width-1 and height-1 as 24-bit little-endian numbers.
    return { width: bytes.readUIntLE(24, 3) + 1, height: bytes.readUIntLE(27, 3) + 1 };
  }
  return undefined;
}
