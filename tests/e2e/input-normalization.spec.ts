import { INestApplication } from '@nestjs/common';
import { verifyAuditChain } from '@subsidy/audit';
import { ManualClock } from '@subsidy/calendar';
import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { asSuperuser, createApplication, createOrganization, createProgram, createUser, login, Session } from '../support/factories';
import { createWeihaiPayout } from '../support/factories/finance';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** The HTTP edge: every request's input checked and normalized once, before any guard, pipe or controller. */
describe('input normalization at the edge', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let applicant: Session;
  let officer: Session;
  let finance: Session;
  let draftId: string;
  let handedOverProgramId: string;
  let handedOverApplicationId: string;
  const http = () => request(app.getHttpServer());

  const auditCount = async (): Promise<number> =>
    (await asSuperuser(db, (c) => c.query<{ n: number }>(`select count(*)::int as n from audit_log where tenant_id = 'weihai'`))).rows[0].n;
  const statusOf = async (id: string): Promise<string> =>
    (await asSuperuser(db, (c) => c.query<{ status: string }>(`select status from applications where id = $1`, [id]))).rows[0].status;

  /** As `npm run audit:verify` does: the application role, the tenant set, the whole chain recomputed. */
  const chainOfWeihai = async () => {
    const client = await db.appRole();
    try {
      await client.query('begin');
      await client.query(`select set_config('app.tenant_id', 'weihai', true)`);
      return await verifyAuditChain(client, 'weihai');
    } finally {
      await client.query('rollback');
      await client.end();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config, { clock: new ManualClock(new Date('2024-07-01T10:00:00+08:00')) });
    const payout = await createWeihaiPayout(db, { orgA: [{ achievementId: 'a1', decidedFen: 10_001 }], orgB: [{ achievementId: 'b1', decidedFen: 300_000 }] });
    handedOverProgramId = payout.programId;
    handedOverApplicationId = payout.applicationIds[0];
    const open = await createProgram(db, { tenantId: 'weihai', policyId: 'weihai-2020', year: 2024, opensAt: new Date('2024-06-01T09:00:00+08:00'), closesAt: new Date('2024-08-31T17:00:00+08:00') });
    const organization = await createOrganization(db, { tenantId: 'weihai', districtCode: '371002' });
    draftId = (await createApplication(db, { tenantId: 'weihai', programId: open.id, organizationId: organization.id, districtCode: '371002' })).id;
    applicant = await login(app, await createUser(db, { tenantId: 'weihai', role: 'applicant', organizationId: organization.id }));
    officer = await login(app, await createUser(db, { tenantId: 'weihai', role: 'program_officer' }));
    finance = await login(app, await createUser(db, { tenantId: 'weihai', role: 'finance_officer', financeLevel: 'city' }));
  });
  afterAll(async () => {
    await app?.close();
    // Also verifies every tenant's audit chain and the ledger.
    await db?.drop();
  });

  describe('ill-formed Unicode and NUL', () => {
    it('refuses a withdrawal reason with a lone surrogate, changes nothing, and the audit chain still verifies', async () => {
      const records = await auditCount();
      const response = await http().post(`/api/v1/applications/${draftId}/withdraw`).set(applicant.headers).send({ reason: '\udfff' }).expect(400);
      expect(response.body).toMatchObject({ code: 'invalid_unicode', details: [{ path: 'reason', message: expect.stringContaining('Unicode') }] });
      expect(await statusOf(draftId)).toBe('draft');
      expect(await auditCount()).toBe(records);
      expect(await chainOfWeihai()).toMatchObject({ ok: true });
    });

    it('refuses a clawback reason with a lone surrogate before the idempotent route runs', async () => {
      const response = await http()
        .post('/api/v1/finance/clawbacks')
        .set(officer.headers)
        .set('Idempotency-Key', 'clawback-surrogate-0001')
        .send({ applicationId: handedOverApplicationId, reasonKind: 'fraud', reason: 'forged \ud800 invoice', amountFen: 100, foundOn: '2024-06-30' })
        .expect(400);
      expect(response.body).toMatchObject({ code: 'invalid_unicode', details: [{ path: 'reason' }] });
      const kept = await asSuperuser(db, (c) => c.query(`select 1 from idempotency_keys where key = 'clawback-surrogate-0001'`));
      expect(kept.rowCount).toBe(0);
    });

    it('refuses NUL in an anonymous sign-in instead of failing in the database', async () => {
      const response = await http().post('/api/v1/auth/login').send({ tenant: 'weihai', username: 'officer\u0000', password: 'whatever-password' }).expect(400);
      expect(response.body).toMatchObject({ code: 'nul_character', details: [{ path: 'username' }] });
    });

    it('refuses bytes that are not UTF-8 rather than reading them as U+FFFD', async () => {
      const body = Buffer.concat([Buffer.from('{"reason":"'), Buffer.from([0xed, 0xbf, 0xbf]), Buffer.from('"}')]);
      const raw = await rawPost(`/api/v1/applications/${draftId}/withdraw`, body, { Authorization: applicant.headers.Authorization, 'Content-Type': 'application/json' });
      expect(raw.status).toBe(400);
      expect(JSON.parse(raw.body)).toMatchObject({ code: 'invalid_unicode', details: [{ path: '' }] });
      expect(await statusOf(draftId)).toBe('draft');
    });

    it('refuses an encoded lone surrogate or NUL in the URL path and in the query string', async () => {
      await http().get('/api/v1/programs/%ED%BF%BF').set(officer.headers).expect(400).expect(({ body }) => expect(body).toMatchObject({ code: 'invalid_unicode', details: [{ path: 'url' }] }));
      await http().get('/api/v1/public/tenants/weihai%00/publicities').expect(400).expect(({ body }) => expect(body.code).toBe('nul_character'));
      const query = await http().get('/api/v1/applications?status=%ED%A0%80').set(officer.headers).expect(400);
      expect(query.body).toMatchObject({ code: 'invalid_unicode', details: [{ path: 'status' }] });
    });

    it('checks the text fields of a multipart upload the same way once they are parsed', async () => {
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
      const nul = await http().post(`/api/v1/applications/${draftId}/evidence`).set(applicant.headers).field('material', '标准\u0000文本').attach('file', pdf, 'standard.pdf').expect(400);
      expect(nul.body).toMatchObject({ code: 'nul_character', details: [{ path: 'material' }] });
      const proto = await http().post(`/api/v1/applications/${draftId}/evidence`).set(applicant.headers).field('__proto__', 'x').attach('file', pdf, 'standard.pdf').expect(400);
      expect(proto.body).toMatchObject({ code: 'forbidden_key', details: [{ path: '__proto__' }] });
      const stored = await asSuperuser(db, (c) => c.query(`select 1 from evidence_files where application_id = $1`, [draftId]));
      expect(stored.rowCount).toBe(0);
    });

    it('stores text in Unicode normalization form C', async () => {
      const other = await createOrganization(db, { tenantId: 'weihai', districtCode: '371002' });
      const program = await createProgram(db, { tenantId: 'weihai', policyId: 'weihai-2020', year: 2024, opensAt: new Date('2024-06-01T09:00:00+08:00'), closesAt: new Date('2024-08-31T17:00:00+08:00') });
      const id = (await createApplication(db, { tenantId: 'weihai', programId: program.id, organizationId: other.id, districtCode: '371002' })).id;
      const session = await login(app, await createUser(db, { tenantId: 'weihai', role: 'applicant', organizationId: other.id }));
      await http().post(`/api/v1/applications/${id}/withdraw`).set(session.headers).send({ reason: 'Cafe\u0301 closed' }).expect(200);
      const { rows } = await asSuperuser(db, (c) => c.query(`select reason from audit_log where entity_id = $1 and action = 'application.withdrawn'`, [id]));
      expect(rows).toEqual([{ reason: 'Café closed' }]);
    });
  });

  describe('reserved keys, depth and size', () => {
    it('refuses __proto__, constructor and prototype keys anywhere in a JSON body, naming the path', async () => {
      const proto = await http().post(`/api/v1/applications/${draftId}/withdraw`).set(applicant.headers).set('content-type', 'application/json').send('{"__proto__":{"status":"withdrawn"},"reason":"x"}').expect(400);
      expect(proto.body).toMatchObject({ code: 'forbidden_key', details: [{ path: '__proto__' }] });
      const nested = await http()
        .put(`/api/v1/applications/${draftId}/achievements`)
        .set(applicant.headers)
        .set('content-type', 'application/json')
        .send('{"achievements":[{"id":"a1","constructor":{"prototype":{"polluted":true}}}]}')
        .expect(400);
      expect(nested.body).toMatchObject({ code: 'forbidden_key', details: [{ path: 'achievements[0].constructor' }] });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      const query = await http().get('/api/v1/applications?__proto__[polluted]=1').set(officer.headers).expect(400);
      expect(query.body).toMatchObject({ code: 'forbidden_key', details: [{ path: '__proto__[polluted]' }] });
      expect(await statusOf(draftId)).toBe('draft');
    });

    it('refuses JSON nested deeper than 32 levels before parsing it', async () => {
      const deep = (n: number) => `{"reason":"x","extra":${'['.repeat(n)}${']'.repeat(n)}}`;
      const refused = await http().post(`/api/v1/applications/${draftId}/withdraw`).set(applicant.headers).set('content-type', 'application/json').send(deep(40)).expect(400);
      expect(refused.body.code).toBe('json_too_deep');
      const huge = await http().post(`/api/v1/applications/${draftId}/withdraw`).set(applicant.headers).set('content-type', 'application/json').send(deep(400_000)).expect(400);
      expect(huge.body.code).toBe('json_too_deep');
    });

    it('refuses a body whose declared length is above 1 MB before reading a byte of it', async () => {
      const response = await rawPost('/api/v1/auth/login', Buffer.from('{"tenant":'), { 'Content-Type': 'application/json', 'Content-Length': String(5 * 1024 * 1024) });
      expect(response.status).toBe(413);
      expect(JSON.parse(response.body)).toMatchObject({ code: 'payload_too_large' });
      // The answer came while the client had sent 10 of the 5,242,880 bytes it announced.
      expect(response.bytesSent).toBe(10);
    });

    it('stops reading a body without a declared length at 1 MB', async () => {
      const response = await rawPost('/api/v1/auth/login', Buffer.alloc(2 * 1024 * 1024, 0x20), { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
      expect(response.status).toBe(413);
    });
  });

  describe('headers, content types and encodings', () => {
    it('refuses an X-Tenant-Id that is no tenant id, and JSON in a charset other than UTF-8', async () => {
      await http().get('/api/v1/auth/me').set(officer.headers).set('X-Tenant-Id', 'WEIHAI').expect(400).expect(({ body }) => expect(body).toMatchObject({ code: 'invalid_header', details: [{ path: 'X-Tenant-Id' }] }));
      const latin1 = await http().post('/api/v1/auth/login').set('content-type', 'application/json; charset=latin1').send('{"tenant":"weihai"}').expect(415);
      expect(latin1.body.code).toBe('unsupported_media_type');
    });

    it('answers an unsupported or undecodable content encoding with a 4xx, not a 500', async () => {
      const br = await http().post('/api/v1/auth/login').set('content-type', 'application/json').set('content-encoding', 'compress').send('{}').expect(415);
      expect(br.body).toMatchObject({ code: 'unsupported_media_type', details: [{ path: 'Content-Encoding' }] });
      const notGzip = await http().post('/api/v1/auth/login').set('content-type', 'application/json').set('content-encoding', 'gzip').send('{"tenant":"weihai"}').expect(400);
      expect(notGzip.body.code).toBe('malformed_json');
    });
  });

  describe('dates that do not exist', () => {
    it('refuses 2023-02-30 as a clawback date', async () => {
      const response = await http()
        .post('/api/v1/finance/clawbacks')
        .set(officer.headers)
        .set('Idempotency-Key', 'clawback-date-0001')
        .send({ applicationId: handedOverApplicationId, reasonKind: 'fraud', reason: '虚报', amountFen: 100, foundOn: '2023-02-30' })
        .expect(400);
      expect(response.body).toMatchObject({ code: 'validation_failed', details: [{ path: 'foundOn', message: expect.stringContaining('实际存在的日期') }] });
    });

    it('refuses 2023-13-01 as the evaluation list date, and 2023-02-29 as a publicity start', async () => {
      const list = await http().get(`/api/v1/finance/programs/${handedOverProgramId}/evaluation-list?dueBy=2023-13-01`).set(finance.headers).expect(400);
      expect(list.body).toMatchObject({ code: 'validation_failed', details: [{ path: 'dueBy' }] });
      const publicity = await http().post(`/api/v1/programs/${handedOverProgramId}/publicity`).set(officer.headers).send({ startsOn: '2023-02-29' }).expect(400);
      expect(publicity.body).toMatchObject({ code: 'validation_failed', details: [{ path: 'startsOn' }] });
    });
  });

  describe('messages', () => {
    it('gives validation details in Chinese by default and in English on request', async () => {
      const zh = await http().post(`/api/v1/applications/${draftId}/withdraw`).set(applicant.headers).send({ reason: 'x'.repeat(501) }).expect(400);
      expect(zh.body).toMatchObject({ message: '提交的内容有误，请按各项提示修改', details: [{ path: 'reason', message: 'reason 不能超过 500 个字符' }] });
      const en = await http().post(`/api/v1/applications/${draftId}/withdraw`).set(applicant.headers).set('Accept-Language', 'en').send({ reason: 'x'.repeat(501) }).expect(400);
      expect(en.body).toMatchObject({ message: 'Invalid request: reason', details: [{ path: 'reason', message: 'reason must be shorter than or equal to 500 characters' }] });
      const refusedZh = await http().post(`/api/v1/applications/${draftId}/withdraw`).set(applicant.headers).send({ reason: 'a\u0000' }).expect(400);
      expect(refusedZh.body.message).toMatch(/NUL/);
      expect(refusedZh.body.details[0].message).toMatch(/[\u4e00-\u9fff]/);
    });
  });

  /** A request written on a raw socket-level client, so the body is exactly these bytes and the headers exactly these. */
  async function rawPost(path: string, body: Buffer, headers: Record<string, string>): Promise<{ status: number; body: string; bytesSent: number }> {
    const server = app.getHttpServer() as import('node:http').Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as AddressInfo;
    return new Promise((resolve, reject) => {
      let bytesSent = 0;
      const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), bytesSent }));
      });
      req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error)));
      // A server that waits for the rest of an announced body never answers: fail plainly instead of by the test timeout.
      req.setTimeout(10_000, () => reject(new Error(`no answer to POST ${path} within 10 s`)));
      bytesSent += body.length;
      req.write(body);
      // A declared length is left unfinished on purpose: the answer must come without the rest of the body.
      if (!headers['Content-Length']) req.end();
    });
  }
});
