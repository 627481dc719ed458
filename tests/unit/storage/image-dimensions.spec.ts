import { imageDimensions } from '@subsidy/storage';
import { exifWithThumbnail, extendedWebp, jpegFrame, lossyWebp, minimalJpeg, minimalPng, minimalWebp } from './support/sample-files';

describe('imageDimensions reads the declared size from the header', () => {
  it.each([
    ['PNG', 'image/png' as const, minimalPng(7071, 7072), { width: 7071, height: 7072 }],
    ['PNG at the 32-bit limit', 'image/png' as const, minimalPng(0x7fffffff, 2), { width: 0x7fffffff, height: 2 }],
    ['baseline JPEG', 'image/jpeg' as const, minimalJpeg(4000, 3000), { width: 4000, height: 3000 }],
    [
      'progressive JPEG',
      'image/jpeg' as const,
      Buffer.concat([Buffer.from([0xff, 0xd8]), jpegFrame(65535, 65535, 0xc2), Buffer.from([0xff, 0xd9])]),
      { width: 65535, height: 65535 },
    ],
    ['JPEG with an EXIF thumbnail before the frame (the frame, not the thumbnail)', 'image/jpeg' as const, minimalJpeg(9000, 9000, exifWithThumbnail(160, 120)), { width: 9000, height: 9000 }],
    ['JPEG with fill bytes before a marker', 'image/jpeg' as const, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xff]), jpegFrame(10, 20)]), { width: 10, height: 20 }],
    ['lossless WebP (VP8L)', 'image/webp' as const, minimalWebp(16384, 16384), { width: 16384, height: 16384 }],
    ['lossy WebP (VP8)', 'image/webp' as const, lossyWebp(1920, 1080), { width: 1920, height: 1080 }],
    ['extended WebP (VP8X canvas)', 'image/webp' as const, extendedWebp(16_777_216, 3), { width: 16_777_216, height: 3 }],
  ])('%s', (_what, mime, bytes, expected) => {
    expect(imageDimensions(bytes, mime)).toEqual(expected);
  });

  it.each([
    ['a PNG cut off inside IHDR', 'image/png' as const, minimalPng(10, 10).subarray(0, 20)],
    ['a PNG whose first chunk is not IHDR', 'image/png' as const, Buffer.concat([minimalPng().subarray(0, 12), Buffer.from('tEXt'), Buffer.alloc(12)])],
    ['a PNG declaring zero width', 'image/png' as const, minimalPng(0, 10)],
    ['a JPEG with no frame before the end', 'image/jpeg' as const, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xd9])],
    ['a JPEG with a scan before any frame', 'image/jpeg' as const, Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x04, 0x00, 0x00])],
    ['a JPEG declaring zero height (size given later by DNL)', 'image/jpeg' as const, minimalJpeg(100, 0)],
    ['a JPEG with garbage between segments', 'image/jpeg' as const, Buffer.from([0xff, 0xd8, 0x00, 0x11, 0x22, 0x33, 0x44])],
    ['a JPEG whose frame header is cut off', 'image/jpeg' as const, minimalJpeg(100, 100).subarray(0, 24)],
    ['a WebP with an unknown first chunk', 'image/webp' as const, Buffer.concat([minimalWebp().subarray(0, 12), Buffer.from('ALPH'), Buffer.alloc(14)])],
    ['a VP8 WebP without the start code', 'image/webp' as const, (() => { const b = lossyWebp(10, 10); b[23] = 0; return b; })()],
    ['a VP8L WebP without its signature', 'image/webp' as const, (() => { const b = minimalWebp(10, 10); b[20] = 0; return b; })()],
    ['a WebP shorter than its header', 'image/webp' as const, minimalWebp().subarray(0, 24)],
  ])('is undefined for %s', (_what, mime, bytes) => {
    expect(imageDimensions(bytes, mime)).toBeUndefined();
  });
});
