import ExcelJS from 'exceljs';
import { UploadRejectedError, inspectUpload } from '@subsidy/storage';
import { DEFAULT_MAX_IMAGE_PIXELS } from '@subsidy/storage';
import { exeHeader, extendedWebp, htmlPage, minimalJpeg, minimalPdf, minimalPng, minimalWebp, minimalZip, PDF_PAGES, pdfWith } from './support/sample-files';

const limits = { maxBytes: 1024 * 1024 };

async function rejection(promise: Promise<unknown>): Promise<UploadRejectedError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UploadRejectedError) return error;
    throw error;
  }
  throw new Error('expected the upload to be rejected');
}

async function xlsxBytes(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('sheet').addRow(['not', 'a', 'pdf']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('inspectUpload accepts evidence by its content', () => {
  it.each([
    ['standard.pdf', 'application/pdf', 'pdf', minimalPdf],
    ['certificate.png', 'image/png', 'png', minimalPng],
    ['notice.jpg', 'image/jpeg', 'jpg', minimalJpeg],
    ['notice.JPEG', 'image/jpeg', 'jpg', minimalJpeg],
    ['photo.webp', 'image/webp', 'webp', minimalWebp],
  ])('%s is detected as %s', async (name, mime, extension, build) => {
    const result = await inspectUpload(build(), name, limits);
    expect(result).toEqual(
      expect.objectContaining({ mime, extension, sizeBytes: build().length, declaredName: name, declaredExtensionMatches: true }),
    );
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts a PNG named .pdf as a PNG and flags the mismatch', async () => {
    const result = await inspectUpload(minimalPng(), 'scan.pdf', limits);
    expect(result.mime).toBe('image/png');
    expect(result.declaredExtensionMatches).toBe(false);
  });
});

describe('inspectUpload rejects', () => {
  it.each([
    ['installer.exe renamed to .pdf', exeHeader, 'application/x-msdownload'],
    ['zip archive renamed to .pdf', minimalZip, 'application/zip'],
    ['html page renamed to .pdf', htmlPage, 'unknown'],
    ['plain text renamed to .pdf', () => Buffer.from('just some text, no magic'), 'unknown'],
  ])('a %s, naming the detected type', async (_label, build, detected) => {
    const error = await rejection(inspectUpload(build(), 'standard.pdf', limits));
    expect(error.code).toBe('evidence_type_not_allowed');
    expect(error.detectedType).toBe(detected);
    expect(error.message).toContain(detected === 'unknown' ? 'unknown type' : detected);
    expect(error.message).toContain('standard.pdf');
  });

  it('an Excel workbook disguised as a PDF', async () => {
    const error = await rejection(inspectUpload(await xlsxBytes(), 'approval.pdf', limits));
    expect(error.code).toBe('evidence_type_not_allowed');
    expect(error.detectedType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('a PDF whose magic bytes are not at the start', async () => {
    const error = await rejection(inspectUpload(Buffer.concat([Buffer.from('xx'), minimalPdf()]), 'a.pdf', limits));
    expect(error.code).toBe('evidence_type_not_allowed');
  });

  it('an empty file', async () => {
    const error = await rejection(inspectUpload(Buffer.alloc(0), 'empty.pdf', limits));
    expect(error.code).toBe('evidence_empty');
  });

  it('a file above the size limit, naming its type; exactly at the limit passes', async () => {
    const pdf = minimalPdf();
    const error = await rejection(inspectUpload(pdf, 'big.pdf', { maxBytes: pdf.length - 1 }));
    expect(error.code).toBe('evidence_too_large');
    expect(error.detectedType).toBe('application/pdf');
    expect(error.message).toContain(String(pdf.length - 1));
    await expect(inspectUpload(pdf, 'big.pdf', { maxBytes: pdf.length })).resolves.toEqual(expect.objectContaining({ mime: 'application/pdf' }));
  });

  it('a type that a narrower allow-list leaves out', async () => {
    const error = await rejection(inspectUpload(minimalJpeg(), 'photo.jpg', { maxBytes: 1000, allowed: ['application/pdf'] }));
    expect(error.code).toBe('evidence_type_not_allowed');
    expect(error.detectedType).toBe('image/jpeg');
  });

  it('a nonsensical limit, as a programming error', async () => {
    await expect(inspectUpload(minimalPdf(), 'a.pdf', { maxBytes: 0 })).rejects.toThrow(RangeError);
  });
});

describe('inspectUpload checks what the content would do when opened', () => {
  it.each([
    ['PNG', (w: number, h: number) => minimalPng(w, h)],
    ['JPEG', (w: number, h: number) => minimalJpeg(w, h)],
    ['WebP', (w: number, h: number) => extendedWebp(w, h)],
  ])('refuses a %s over 50 megapixels by its header, and accepts one at exactly 50', async (_kind, build) => {
    const atLimit = await inspectUpload(build(10_000, 5_000), 'scan.img', limits);
    expect(atLimit.dimensions).toEqual({ width: 10_000, height: 5_000 });
    expect(10_000 * 5_000).toBe(DEFAULT_MAX_IMAGE_PIXELS);
    const error = await rejection(inspectUpload(build(10_000, 5_001), 'scan.img', limits));
    expect(error.code).toBe('evidence_image_too_many_pixels');
    expect(error.message).toContain('10000×5001');
    expect(error.message).toContain('limit is 50 megapixels');
  });

  it('uses a lower pixel limit when given one', async () => {
    const error = await rejection(inspectUpload(minimalPng(2000, 1000), 'a.png', { ...limits, maxImagePixels: 1_999_999 }));
    expect(error.code).toBe('evidence_image_too_many_pixels');
    await expect(inspectUpload(minimalPng(2000, 1000), 'a.png', { ...limits, maxImagePixels: 2_000_000 })).resolves.toBeDefined();
  });

  it('refuses an image whose header declares no size', async () => {
    const error = await rejection(inspectUpload(minimalJpeg(100, 0), 'a.jpg', limits));
    expect(error.code).toBe('evidence_image_unreadable');
    expect(error.detectedType).toBe('image/jpeg');
  });

  it('refuses a PDF that runs JavaScript when opened, naming what it found', async () => {
    const [catalog, pages, page] = PDF_PAGES;
    const bytes = pdfWith([catalog.replace('>>', '/OpenAction << /S /JavaScript /JS (app.launchURL("http://x")) >> >>'), pages, page]);
    const error = await rejection(inspectUpload(bytes, 'notice.pdf', limits));
    expect(error.code).toBe('evidence_pdf_active_content');
    expect(error.message).toContain('/JavaScript, /JS');
    expect(error.detectedType).toBe('application/pdf');
  });

  it('refuses a PDF it cannot inspect', async () => {
    const [catalog, pages, page] = PDF_PAGES;
    const broken = '<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length 8 >>\nstream\nnot-zlib\nendstream';
    const error = await rejection(inspectUpload(pdfWith([catalog, pages, page, broken]), 'locked.pdf', limits));
    expect(error.code).toBe('evidence_pdf_uninspectable');
  });

  it('gives a clean display name with the extension of the content', async () => {
    const result = await inspectUpload(minimalPdf(), 'invoice\u202Efdp.exe', limits);
    expect(result).toMatchObject({ declaredName: 'invoice\u202Efdp.exe', fileName: 'invoicefdp.pdf', declaredExtensionMatches: false });
  });
});
