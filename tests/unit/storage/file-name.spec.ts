import { cleanFileName, declaredExtensionOf, MAX_FILE_NAME_LENGTH } from '@subsidy/storage';

describe('cleanFileName: the name evidence is shown and served under', () => {
  it.each([
    ['an ordinary Chinese name', '标准文本.pdf', 'pdf', '标准文本.pdf'],
    ['a declared extension in another case, kept as written', 'Scan.PDF', 'pdf', 'Scan.PDF'],
    ['an alias of the detected extension, kept', 'photo.jpeg', 'jpg', 'photo.jpeg'],
    ['a right-to-left override hiding .exe', 'invoice\u202Efdp.exe', 'pdf', 'invoicefdp.pdf'],
    ['every bidirectional control', 'a\u202Ab\u202Bc\u202Cd\u202De\u202Ef\u2066g\u2067h\u2068i\u2069j\u200Ek\u200Fl\u061Cm.pdf', 'pdf', 'abcdefghijklm.pdf'],
    ['NUL and other control characters', 'scan\u0000.pdf\u0000.exe\u0007\u007F\u0085', 'pdf', 'scan.pdf.pdf'],
    ['a newline and a tab', '第一\n页\t扫描.png', 'png', '第一页扫描.png'],
    ['decomposed characters, composed (NFC)', 'Cafe\u0301.pdf', 'pdf', 'Caf\u00e9.pdf'],
    ['a path, of which only the last segment counts', '..\\..\\windows\\system32\\evil.pdf', 'pdf', 'evil.pdf'],
    ['a Unix path', '/etc/passwd', 'pdf', 'passwd.pdf'],
    ['a wrong extension, replaced by the content’s', 'certificate.exe', 'png', 'certificate.png'],
    ['no extension, added', '营业执照', 'jpg', '营业执照.jpg'],
    ['a dot inside a sentence, not an extension', '版本 1.2 说明', 'pdf', '版本 1.2 说明.pdf'],
    ['a double extension, the last one corrected', 'report.pdf.exe', 'pdf', 'report.pdf.pdf'],
    ['leading dots and trailing dots and spaces', '  ..hidden.pdf. . ', 'pdf', 'hidden.pdf'],
    ['nothing left but controls', '\u202E\u0000', 'pdf', 'evidence.pdf'],
    ['only an extension', '.pdf', 'pdf', 'pdf.pdf'],
    ['an empty name', '', 'webp', 'evidence.webp'],
  ])('%s: %j → %j', (_what, received, extension, expected) => {
    expect(cleanFileName(received, extension)).toBe(expected);
  });

  it('keeps the extension when cutting a long name, and never splits a character outside the BMP', () => {
    const long = `${'𠀀'.repeat(300)}.pdf`;
    const cleaned = cleanFileName(long, 'pdf');
    expect(cleaned.endsWith('.pdf')).toBe(true);
    expect([...cleaned]).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(cleaned).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it.each([
    ['scan.PDF', 'pdf'],
    ['photo.JPEG', 'jpg'],
    ['photo.jfif', 'jpg'],
    ['README', ''],
    ['版本 1.2 说明', ''],
  ])('reads the declared extension of %j as %j', (name, extension) => {
    expect(declaredExtensionOf(name)).toBe(extension);
  });
});
