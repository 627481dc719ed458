import { INestApplication } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { asSuperuser, createApplication, createOrganization, createProgram, createTenant, createUser, login, Session } from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { minimalPng, PDF_PAGES, pdfWith } from '../unit/storage/support/sample-files';

const MB = 1024 * 1024;
const TEN_MB = 10 * MB;

/** A valid PDF of exactly `size` bytes: a one-page document padded with spaces after its end marker. */
function pdfOfSize(size: number): Buffer {
  const pdf = pdfWith(PDF_PAGES);
  return Buffer.concat([pdf, Buffer.alloc(size - pdf.length, 0x20)]);
}

describe('evidence uploads: exact size limit, per-application caps, clean names, refused content', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let storageDir: string;
  let applicant: Session;
  let tenantId: string;
  let programId: string;
  let organizationId: string;
  const clock = new ManualClock(new Date('2024-03-15T10:00:00+08:00'));
  const http = () => request(app.getHttpServer());
  const rows = async <T>(sql: string, params: unknown[]): Promise<T[]> => (await asSuperuser(db, (c) => c.query(sql, params))).rows as T[];

  beforeAll(async () => {
    db = await createTestDatabase();
    storageDir = mkdtempSync(join(tmpdir(), 'subsidy-evidence-limits-'));
    // Small caps, so the test reaches them quickly: 3 files, 10 MB + 1,000 bytes in all.
    app = await createApp(
      { ...db.config, storage: { dir: storageDir }, evidence: { maxFilesPerApplication: 3, maxBytesPerApplication: TEN_MB + 1_000, maxImagePixels: 50_000_000 } },
      { clock },
    );
    const tenant = await createTenant(db, { id: 'tianjin', districts: [{ code: '120101', nameZh: '和平区' }] });
    tenantId = tenant.id;
    programId = (await createProgram(db, { tenantId, policyId: 'tianjin-2021' })).id;
    organizationId = (await createOrganization(db, { tenantId, districtCode: '120101', name: '天津材料上限测试有限公司' })).id;
    applicant = await login(app, await createUser(db, { tenantId, role: 'applicant', organizationId }));
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    if (storageDir) rmSync(storageDir, { recursive: true, force: true });
  });

  /** A fresh draft of the applicant's organization (one per program: each gets its own program). */
  async function draft(): Promise<string> {
    const program = await createProgram(db, { tenantId, policyId: 'tianjin-2021' });
    return (await createApplication(db, { tenantId, programId: program.id, organizationId, districtCode: '120101' })).id;
  }

  const upload = (applicationId: string, bytes: Buffer, filename: string) =>
    http().post(`/api/v1/applications/${applicationId}/evidence`).set(applicant.headers).attach('file', bytes, { filename, contentType: 'application/pdf' });

  const filesOf = async (applicationId: string) =>
    rows<{ original_name: string; size_bytes: number; storage_key: string }>(
      `select original_name, size_bytes::int, storage_key from evidence_files where application_id = $1 order by uploaded_at, id`,
      [applicationId],
    );

  const storedObjects = () => readdirSync(join(storageDir, tenantId), { withFileTypes: true }).filter((e) => e.isFile() && !e.name.endsWith('.sha256')).length;

  it('accepts a file of exactly 10 MB (10·1024·1024 bytes) and refuses one byte more with 413', async () => {
    const applicationId = (await createApplication(db, { tenantId, programId, organizationId, districtCode: '120101' })).id;
    const exact = await upload(applicationId, pdfOfSize(TEN_MB), 'exact.pdf').expect(201);
    expect(exact.body.sizeBytes).toBe(TEN_MB);
    const over = await upload(applicationId, pdfOfSize(TEN_MB + 1), 'over.pdf');
    expect(over.status).toBe(413);
    expect(over.body).toMatchObject({ code: 'evidence_too_large', details: [{ path: 'file' }] });
    expect(await filesOf(applicationId)).toEqual([expect.objectContaining({ original_name: 'exact.pdf', size_bytes: TEN_MB })]);
  });

  it('caps the total bytes of one application (422 evidence_total_too_large), counting what it already holds', async () => {
    const [{ id: applicationId }] = await rows<{ id: string }>(`select id from applications where program_id = $1`, [programId]);
    const before = storedObjects();
    const tooMuch = await upload(applicationId, pdfOfSize(1_001), 'one-more.pdf').expect(422);
    expect(tooMuch.body.code).toBe('evidence_total_too_large');
    expect(tooMuch.body.details[0].path).toBe('file');
    expect(tooMuch.body.message).toContain('总量上限');
    const english = await upload(applicationId, pdfOfSize(1_001), 'one-more.pdf').set('Accept-Language', 'en').expect(422);
    expect(english.body.message).toMatch(/10\.0 MB in all/);
    expect(storedObjects()).toBe(before);
    await upload(applicationId, pdfOfSize(1_000), 'fits.pdf').expect(201);
  });

  it('caps the number of files (422 evidence_too_many_files); removing one makes room again', async () => {
    const applicationId = await draft();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await upload(applicationId, pdfOfSize(800), `part-${i}.pdf`).expect(201)).body.id);
    const fourth = await upload(applicationId, pdfOfSize(800), 'part-3.pdf').expect(422);
    expect(fourth.body).toMatchObject({ code: 'evidence_too_many_files', details: [{ path: 'file' }] });
    expect(fourth.body.message).toContain('已达上限（3 个）');
    await http().delete(`/api/v1/evidence/${ids[0]}`).set(applicant.headers).expect(204);
    await upload(applicationId, pdfOfSize(800), 'part-3.pdf').expect(201);
    expect((await filesOf(applicationId)).map((f) => f.original_name).sort()).toEqual(['part-1.pdf', 'part-2.pdf', 'part-3.pdf']);
  });

  it('holds the caps when uploads arrive at the same moment', async () => {
    const applicationId = await draft();
    const before = storedObjects();
    const responses = await Promise.all(Array.from({ length: 6 }, (_, i) => upload(applicationId, pdfOfSize(700), `same-moment-${i}.pdf`)));
    expect(responses.filter((r) => r.status === 201)).toHaveLength(3);
    for (const refused of responses.filter((r) => r.status !== 201)) expect(refused.body.code).toBe('evidence_too_many_files');
    expect(await filesOf(applicationId)).toHaveLength(3);
    // The refused uploads left no bytes behind.
    expect(storedObjects()).toBe(before + 3);
  });

  it('strips bidirectional controls and control characters from the name and gives it the content’s extension', async () => {
    const applicationId = await draft();
    const uploaded = await upload(applicationId, pdfOfSize(900), '发票\u202Efdp.exe').expect(201);
    expect(uploaded.body.originalName).toBe('发票fdp.pdf');
    const decomposed = await upload(applicationId, pdfOfSize(900), 'Cafe\u0301\u2066\u200F\u061C.PDF').expect(201);
    expect(decomposed.body.originalName).toBe('Caf\u00e9.PDF');
    // NUL and other control characters reach the server only percent-encoded in RFC 5987 `filename*`.
    const encoded = await http()
      .post(`/api/v1/applications/${applicationId}/evidence`)
      .set(applicant.headers)
      .set('Content-Type', 'multipart/form-data; boundary=evidence-boundary')
      .send(
        Buffer.concat([
          Buffer.from(`--evidence-boundary\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''scan%00%07%E2%80%AEfdp.exe\r\nContent-Type: application/pdf\r\n\r\n`),
          pdfOfSize(900),
          Buffer.from('\r\n--evidence-boundary--\r\n'),
        ]),
      )
      .expect(201);
    expect(encoded.body.originalName).toBe('scanfdp.pdf');
    // A raw control character in the part header is not multipart at all: 400 naming the file, not a 500.
    const raw = await upload(applicationId, pdfOfSize(900), 'bell\u0007.pdf').expect(400);
    expect(raw.body).toMatchObject({ code: 'validation_failed', details: [{ path: 'file' }] });
    expect(await filesOf(applicationId)).toHaveLength(3);
    const served = await http().get(`/api/v1/evidence/${uploaded.body.id}/content`).set(applicant.headers).expect(200);
    expect(served.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('发票fdp.pdf')}`);
    expect(served.headers['content-disposition']).not.toMatch(/%E2%80%AE|exe/);
  });

  it('refuses an image over 50 megapixels by its header (422) and keeps one at the limit', async () => {
    const applicationId = await draft();
    const huge = await http()
      .post(`/api/v1/applications/${applicationId}/evidence`)
      .set(applicant.headers)
      .attach('file', minimalPng(10_000, 5_001), { filename: 'scan.png', contentType: 'image/png' })
      .expect(422);
    expect(huge.body).toMatchObject({ code: 'evidence_image_too_many_pixels', details: [{ path: 'file' }] });
    expect(huge.body.message).toContain('像素');
    const english = await http()
      .post(`/api/v1/applications/${applicationId}/evidence`)
      .set(applicant.headers)
      .set('Accept-Language', 'en')
      .attach('file', minimalPng(10_000, 5_001), { filename: 'scan.png', contentType: 'image/png' })
      .expect(422);
    expect(english.body.message).toContain('10000×5001 image (50 megapixels); the limit is 50 megapixels');
    await http()
      .post(`/api/v1/applications/${applicationId}/evidence`)
      .set(applicant.headers)
      .attach('file', minimalPng(10_000, 5_000), { filename: 'scan.png', contentType: 'image/png' })
      .expect(201);
  });

  it('refuses a PDF that runs JavaScript or launches a program when opened (422 evidence_pdf_active_content)', async () => {
    const applicationId = await draft();
    const before = storedObjects();
    const [catalog, pages, page] = PDF_PAGES;
    const scripted = pdfWith([catalog.replace('>>', '/OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>'), pages, page]);
    const launching = pdfWith([catalog, pages, page.replace('>>', '/AA << /O << /S /Launch /F (cmd.exe) >> >> >>')]);
    for (const bytes of [scripted, launching]) {
      const refused = await upload(applicationId, bytes, '通知.pdf').expect(422);
      expect(refused.body).toMatchObject({ code: 'evidence_pdf_active_content', details: [{ path: 'file' }] });
      expect(refused.body.message).toContain('JavaScript');
    }
    const harmless = pdfWith([catalog.replace('>>', '/OpenAction [3 0 R /Fit] >>'), pages, page]);
    await upload(applicationId, harmless, '通知.pdf').expect(201);
    expect(await filesOf(applicationId)).toHaveLength(1);
    expect(storedObjects()).toBe(before + 1);
  });
});
