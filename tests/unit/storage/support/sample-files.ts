import { deflateSync } from 'zlib';

/** Tiny but well-formed files of each kind, built byte by byte so the tests need no fixtures. */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function u32be(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(value >>> 0);
  return b;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  return Buffer.concat([u32be(data.length), typed, u32be(crc32(typed))]);
}

/** A grey PNG; its header declares width × height (the pixel data is one row, enough for header checks). */
export function minimalPng(width = 1, height = 1): Buffer {
  const ihdr = Buffer.concat([u32be(width), u32be(height), Buffer.from([8, 0, 0, 0, 0])]);
  const scanline = Buffer.from([0, 0x80]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(scanline)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page empty PDF. */
export function minimalPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n' +
      '1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n' +
      '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n' +
      '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 10 10]>> endobj\n' +
      'trailer <</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  );
}

function u16be(value: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(value);
  return b;
}

/** A JPEG start-of-frame segment (marker 0xC0 baseline, 0xC2 progressive) for a 3-component image. */
export function jpegFrame(width: number, height: number, marker = 0xc0): Buffer {
  return Buffer.concat([Buffer.from([0xff, marker]), u16be(17), Buffer.from([8]), u16be(height), u16be(width), Buffer.from([3, 1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1])]);
}

/** A JFIF header, a frame header declaring width × height, and end-of-image; no scan data. */
export function minimalJpeg(width = 1, height = 1, beforeFrame: Buffer = Buffer.alloc(0)): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    Buffer.from([0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0', 'latin1'),
    Buffer.from([0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
    beforeFrame,
    jpegFrame(width, height),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** A JPEG APP1 (EXIF) segment carrying a thumbnail whose own frame says thumbWidth × thumbHeight. */
export function exifWithThumbnail(thumbWidth: number, thumbHeight: number): Buffer {
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from([0xff, 0xd8]), jpegFrame(thumbWidth, thumbHeight), Buffer.from([0xff, 0xd9])]);
  return Buffer.concat([Buffer.from([0xff, 0xe1]), u16be(payload.length + 2), payload]);
}

function riffWebp(chunk: string, data: Buffer): Buffer {
  const padded = data.length % 2 === 1 ? Buffer.concat([data, Buffer.alloc(1)]) : data;
  const size = Buffer.alloc(4);
  size.writeUInt32LE(data.length);
  const body = Buffer.concat([Buffer.from('WEBP', 'ascii'), Buffer.from(chunk, 'ascii'), size, padded]);
  const riffSize = Buffer.alloc(4);
  riffSize.writeUInt32LE(body.length);
  return Buffer.concat([Buffer.from('RIFF', 'ascii'), riffSize, body]);
}

/** A lossless (VP8L) WebP header declaring width × height (1..16384). */
export function minimalWebp(width = 1, height = 1): Buffer {
  const bits = Buffer.alloc(4);
  bits.writeUInt32LE(((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14));
  return riffWebp('VP8L', Buffer.concat([Buffer.from([0x2f]), bits, Buffer.alloc(5)]));
}

/** A lossy (VP8) WebP key-frame header declaring width × height (1..16383). */
export function lossyWebp(width: number, height: number): Buffer {
  const dims = Buffer.alloc(4);
  dims.writeUInt16LE(width & 0x3fff, 0);
  dims.writeUInt16LE(height & 0x3fff, 2);
  return riffWebp('VP8 ', Buffer.concat([Buffer.from([0x10, 0x02, 0x00, 0x9d, 0x01, 0x2a]), dims, Buffer.alloc(4)]));
}

/** An extended (VP8X) WebP declaring a canvas of width × height (up to 2^24 each). */
export function extendedWebp(width: number, height: number): Buffer {
  const data = Buffer.alloc(10);
  data.writeUIntLE(width - 1, 4, 3);
  data.writeUIntLE(height - 1, 7, 3);
  return riffWebp('VP8X', data);
}

/** A DOS/PE executable header (what a renamed .exe starts with). */
export function exeHeader(): Buffer {
  const b = Buffer.alloc(128);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x40, 0x3c);
  b.write('PE\0\0', 0x40, 'latin1');
  return b;
}

/** A zip archive with one stored file. */
export function minimalZip(): Buffer {
  const name = Buffer.from('payload.txt', 'ascii');
  const data = Buffer.from('hello', 'ascii');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(crc32(data), 14);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name, data]);
}

export function htmlPage(): Buffer {
  return Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>', 'utf8');
}

/**
 * A PDF built from object bodies (numbered from 1, object 1 the catalog), with a cross-reference table and a trailer,
 * so a real reader would open it. `extraTrailer` adds entries such as `/Encrypt 9 0 R`.
 */
export function pdfWith(objects: string[], extraTrailer = ''): Buffer {
  let body = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${extraTrailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A stream object body: its dictionary entries, /Length, and the bytes (as latin1 text). */
export function streamObject(dictionary: string, data: Buffer): string {
  return `<< ${dictionary} /Length ${data.length} >>\nstream\n${data.toString('latin1')}\nendstream`;
}

/** An object stream holding the given objects (number → body), Flate-compressed unless `raw`. */
export function objectStream(objects: Array<[number, string]>, options: { raw?: boolean; filter?: string } = {}): string {
  let offsets = '';
  let bodies = '';
  for (const [number, body] of objects) {
    offsets += `${number} ${bodies.length} `;
    bodies += `${body}\n`;
  }
  const content = Buffer.from(offsets + bodies, 'latin1');
  const data = options.raw ? content : deflateSync(content);
  const filter = options.raw ? '' : `/Filter ${options.filter ?? '/FlateDecode'}`;
  return streamObject(`/Type /ObjStm /N ${objects.length} /First ${offsets.length} ${filter}`, data);
}

export const PDF_PAGES = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
