import { inspectPdf } from '@subsidy/storage';
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { minimalPdf, objectStream, PDF_PAGES, pdfWith, streamObject } from './support/sample-files';

const [catalog, pages, page] = PDF_PAGES;
const withCatalog = (entries: string) => catalog.replace('>>', `${entries} >>`);

describe('inspectPdf finds JavaScript and automatic actions', () => {
  it.each([
    ['an open action running JavaScript', [withCatalog('/OpenAction << /S /JavaScript /JS (app.alert(1)) >>'), pages, page], ['JavaScript', 'JS']],
    ['a JavaScript name tree', [withCatalog('/Names << /JavaScript 4 0 R >>'), pages, page, '<< /Names [(x) 5 0 R] >>', '<< /S /JavaScript /JS 6 0 R >>', streamObject('', Buffer.from('app.alert(1)'))], ['JavaScript', 'JS']],
    ['additional actions on a page', [catalog, pages, page.replace('>>', '/AA << /O << /S /Launch /F (calc.exe) >> >> >>')], ['AA', 'Launch']],
    ['a launch action behind a link', [catalog, pages, page.replace('>>', '/Annots [4 0 R] >>'), '<< /Type /Annot /Subtype /Link /A << /S /Launch /F (cmd.exe) >> >>'], ['Launch']],
    ['a name hidden with #xx escapes', [withCatalog('/OpenAction << /S /J#61vaScript /J#53 (x) >>'), pages, page], ['JavaScript', 'JS']],
    ['JavaScript inside a compressed object stream', [catalog, pages, page, objectStream([[5, '<< /S /JavaScript /JS (app.alert(1)) >>']])], ['JavaScript', 'JS']],
    ['additional actions inside an uncompressed object stream', [catalog, pages, page, objectStream([[5, '<< /AA << >> >>']], { raw: true })], ['AA']],
  ])('%s', (_what, objects, names) => {
    expect(inspectPdf(pdfWith(objects))).toEqual({ activeContent: names });
  });

  it.each([
    ['a minimal page', minimalPdf()],
    ['an open action that only turns to a page', pdfWith([withCatalog('/OpenAction [3 0 R /Fit]'), pages, page])],
    ['a link to a web address', pdfWith([catalog, pages, page.replace('>>', '/Annots [4 0 R] >>'), '<< /Type /Annot /Subtype /Link /A << /S /URI /URI (https://example.cn) >> >>'])],
    ['names that only start like active ones', pdfWith([withCatalog('/JSON 1 /AAA 2 /Launcher 3 /JavaScripts 4'), pages, page])],
    ['an object stream without active content', pdfWith([catalog, pages, page, objectStream([[5, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']])])],
  ])('accepts %s', (_what, bytes) => {
    expect(inspectPdf(bytes)).toEqual({ activeContent: [] });
  });

  it('ignores "/JS" that occurs by chance inside compressed page content or image data', () => {
    const noise = Buffer.concat([randomBytes(4096), Buffer.from('/JS /AA /Launch /JavaScript', 'latin1'), randomBytes(4096)]);
    const content = streamObject('/Filter /FlateDecode', deflateSync(Buffer.from('BT /F1 12 Tf (hello) Tj ET')));
    const image = streamObject('/Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 /ColorSpace /DeviceGray', noise);
    expect(inspectPdf(pdfWith([catalog, pages, page, content, image]))).toEqual({ activeContent: [] });
  });

  it.each([
    ['an object stream that does not inflate (encrypted or damaged)', objectStream([[5, '<< >>']], { raw: true }).replace('/Type /ObjStm', '/Type /ObjStm /Filter /FlateDecode'), /could not be decompressed/],
    ['an object stream in a filter we do not read', objectStream([[5, '<< >>']], { filter: '[/ASCII85Decode /FlateDecode]' }), /encoded with ASCII85Decode, FlateDecode/],
  ])('cannot vouch for %s', (_what, object, reason) => {
    const result = inspectPdf(pdfWith([catalog, pages, page, object]));
    expect(result.activeContent).toEqual([]);
    expect(result.uninspectable).toMatch(reason);
  });

  it('refuses to inflate an object stream bomb beyond 64 MB', () => {
    const bomb = deflateSync(Buffer.alloc(70 * 1024 * 1024, 0x20));
    const object = streamObject('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', bomb);
    expect(inspectPdf(pdfWith([catalog, pages, page, object])).uninspectable).toMatch(/more than 64 MB/);
  });
});
