import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { AppConfig } from '@subsidy/config';
import { calendarDate, cstDateOf, ManualClock, publicityEnd } from '@subsidy/calendar';
import { Workbook } from 'exceljs';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { createWorker } from '../../apps/worker/src/create-worker';
import {
  asSuperuser,
  createApplication,
  createOrganization,
  createProgram,
  createTenant,
  createUser,
  login,
  nationalStandardLead,
  OrganizationFixture,
  ProgramFixture,
  reviewSettings,
  Session,
  UserFixture,
} from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';

interface SentMail {
  to: string[];
  raw: string;
}

/** A local SMTP server that keeps what it receives: the e-mail sink of these tests. */
async function startSmtpSink(): Promise<{ server: SMTPServer; port: number; mails: SentMail[] }> {
  const mails: SentMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { server, port, mails };
}

/** The text part of a simple nodemailer message, with its transfer encoding undone. */
function mailText(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => `%${hex}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  }
  return body;
}

async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await probe();
  }
  return last;
}

describe('publicity, objections and hand-over (API + worker on one manual clock)', () => {
  let db: TestDatabase;
  let config: AppConfig;
  let app: INestApplication;
  let worker: INestApplicationContext | undefined;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let tj: Session;
  let fs: Session;
  let tjOrgs: OrganizationFixture[];
  let fsOrgs: OrganizationFixture[];
  let financeOfficer: UserFixture;
  const clock = new ManualClock(new Date('2024-05-06T09:00:00+08:00'));
  const http = () => request(app.getHttpServer());
  const rows = async <T>(sql: string, params: unknown[]): Promise<T[]> => (await asSuperuser(db, (c) => c.query(sql, params))).rows as T[];
  const statusOf = async (table: 'applications' | 'programs' | 'publicities' | 'objections', id: string): Promise<string> =>
    (await rows<{ status: string }>(`select status from ${table} where id = $1`, [id]))[0].status;

  beforeAll(async () => {
    db = await createTestDatabase();
    sink = await startSmtpSink();
    config = { ...db.config, outbox: { pollMs: 50 }, mail: { smtpUrl: `smtp://127.0.0.1:${sink.port}`, from: 'Subsidy Hub <no-reply@example.cn>' } };
    app = await createApp(config, { clock });
    worker = await createWorker(config, { clock });
    await createTenant(db, { id: 'tianjin', divisionCode: '120000', districts: [{ code: '120101', nameZh: '和平区' }] });
    await createTenant(db, { id: 'foshan', divisionCode: '440600', districts: [{ code: '440604', nameZh: '禅城区' }] });
    tj = await login(app, await createUser(db, { tenantId: 'tianjin', role: 'program_officer', email: 'officer@tj.example.cn' }));
    fs = await login(app, await createUser(db, { tenantId: 'foshan', role: 'program_officer' }));
    financeOfficer = await createUser(db, { tenantId: 'tianjin', role: 'finance_officer' });
    tjOrgs = [];
    fsOrgs = [];
    for (let i = 0; i < 2; i++) {
      const tjOrg = await createOrganization(db, { tenantId: 'tianjin', districtCode: '120101', name: `天津公示企业${i}有限公司` });
      await createUser(db, { tenantId: 'tianjin', role: 'applicant', organizationId: tjOrg.id, email: `applicant${i}@tj.example.cn` });
      tjOrgs.push(tjOrg);
      fsOrgs.push(await createOrganization(db, { tenantId: 'foshan', districtCode: '440604', name: `佛山公示企业${i}有限公司` }));
    }
  });

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await new Promise<void>((resolve) => sink?.server.close(() => resolve()));
    await db?.drop();
  });

  const industryLead = { id: 'a2', type: 'standard', level: 'industry', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'HG/T 50002-2023', publishedOn: '2023-06-01' };

  /** A closed program whose applications are decided (over HTTP) and the program decided: ready for publicity. */
  async function decidedProgram(session: Session, program: ProgramFixture, orgs: OrganizationFixture[], submittedAt: string, amounts: Array<[number, number, string?]>): Promise<string[]> {
    const ids: string[] = [];
    for (const [index, org] of orgs.entries()) {
      const application = await createApplication(db, {
        tenantId: program.tenantId,
        programId: program.id,
        organizationId: org.id,
        districtCode: org.districtCode,
        status: 'awaiting_decision',
        achievements: [nationalStandardLead('a1'), industryLead],
        submittedAt: new Date(submittedAt),
      });
      // The third element: why a1 departs from the review's proposal (its ceiling here), which the decision requires.
      const [a1, a2, a1Reason] = amounts[index];
      await http()
        .put(`/api/v1/applications/${application.id}/decision`)
        .set(session.headers)
        .send({ items: [{ achievementId: 'a1', amountFen: a1, ...(a1Reason ? { reason: a1Reason } : {}) }, { achievementId: 'a2', amountFen: a2, ...(a2 === 0 ? { reason: '不予支持' } : {}) }] })
        .expect(200);
      ids.push(application.id);
    }
    await http().post(`/api/v1/programs/${program.id}/decide`).set(session.headers).send({}).expect(200);
    return ids;
  }

  describe('Tianjin-like: 15 calendar days, an objection upheld on re-review', () => {
    let program: ProgramFixture;
    let applicationIds: string[];
    let publicityId: string;
    let objectionId: string;

    beforeAll(async () => {
      program = await createProgram(db, { tenantId: 'tianjin', policyId: 'tianjin-2021', year: 2024, status: 'closed', title: '2024年度天津标准化资助', review: reviewSettings({ publicity: { days: 15, unit: 'calendar' } }) });
      applicationIds = await decidedProgram(tj, program, tjOrgs, '2024-03-20T10:00:00+08:00', [
        [8_000_000, 4_000_000],
        [8_000_000, 0],
      ]);
    });

    it('refuses a start date in the past and opens the publicity for every award, ending 15 calendar days later', async () => {
      const past = await http().post(`/api/v1/programs/${program.id}/publicity`).set(tj.headers).send({ startsOn: '2024-05-05' }).expect(400);
      expect(past.body.details[0].path).toBe('startsOn');
      const impossible = await http().post(`/api/v1/programs/${program.id}/publicity`).set(tj.headers).send({ startsOn: '2024-02-30' }).expect(400);
      expect(impossible.body.details[0].path).toBe('startsOn');
      await http().post(`/api/v1/programs/${program.id}/publicity`).set(fs.headers).send({ startsOn: '2024-05-06' }).expect(404);
      const response = await http().post(`/api/v1/programs/${program.id}/publicity`).set(tj.headers).send({ startsOn: '2024-05-06' }).expect(201);
      expect(response.body).toMatchObject({ startsOn: '2024-05-06', endsOn: '2024-05-20' });
      expect(response.body.applicationIds.sort()).toEqual([...applicationIds].sort());
      publicityId = response.body.id;
      for (const id of applicationIds) expect(await statusOf('applications', id)).toBe('in_publicity');
      const [job] = await rows<{ run_at: Date }>(`select run_at from outbox where job_name = 'publicity.close' and payload->>'publicityId' = $1`, [publicityId]);
      expect(job.run_at.toISOString()).toBe(new Date('2024-05-20T23:59:59.999+08:00').toISOString());
      const told = await rows<{ kind: string }>(`select kind from notifications where organization_id = $1`, [tjOrgs[0].id]);
      expect(told.map((n) => n.kind)).toContain('publicity.opened');
    });

    it('shows the publicity to anyone, without internal data, and only in its own tenant', async () => {
      const list = await http().get('/api/v1/public/tenants/tianjin/publicities').expect(200);
      expect(list.body.items).toEqual([expect.objectContaining({ id: publicityId, programTitle: '2024年度天津标准化资助', startsOn: '2024-05-06', endsOn: '2024-05-20', status: 'open' })]);
      const detail = await http().get(`/api/v1/public/tenants/tianjin/publicities/${publicityId}`).expect(200);
      const first = detail.body.awards.find((a: { applicationId: string }) => a.applicationId === applicationIds[0]);
      expect(first).toEqual({
        applicationId: applicationIds[0],
        applicantName: tjOrgs[0].name,
        creditCode: tjOrgs[0].uscc,
        district: '和平区',
        totalFen: 12_000_000,
        items: [
          // The policy's name for the item with the standard number, as fixed at the decision (decision-snapshots.spec.ts).
          { item: '主导制定国家标准（GB/T 40001-2023）', policyItem: '主导制定国家标准', standardNo: 'GB/T 40001-2023', article: '第七条', amountFen: 8_000_000 },
          { item: '主导制定行业标准（HG/T 50002-2023）', policyItem: '主导制定行业标准', standardNo: 'HG/T 50002-2023', article: '第七条', amountFen: 4_000_000 },
        ],
      });
      const text = JSON.stringify(detail.body);
      for (const internal of ['ceilingFen', 'proposedFen', 'reason', 'organizationId', 'status":"in_publicity', '不予支持']) expect(text).not.toContain(internal);
      const xlsx = await http()
        .get(`/api/v1/public/tenants/tianjin/publicities/${publicityId}/list.xlsx`)
        .buffer(true)
        .parse((res, callback) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => callback(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const workbook = new Workbook();
      await workbook.xlsx.load(xlsx.body as Buffer);
      const sheetRows: unknown[][] = [];
      workbook.worksheets[0].eachRow((r) => sheetRows.push((r.values as unknown[]).slice(1).map((v) => (typeof v === 'number' ? v : String(v)))));
      expect(workbook.worksheets[0].getRow(2).getCell(6).numFmt).toBe('0.00');
      expect(sheetRows).toContainEqual([tjOrgs[0].name, tjOrgs[0].uscc, '和平区', '主导制定行业标准（HG/T 50002-2023）', '第七条', 40000]);
      expect(sheetRows[sheetRows.length - 1]).toEqual(['合计', '', '', '', '', 200000]);
      await http().get(`/api/v1/public/tenants/foshan/publicities/${publicityId}/list.xlsx`).expect(404);
      const other = await http().get('/api/v1/public/tenants/foshan/publicities').expect(200);
      expect(other.body.items).toEqual([]);
      await http().get(`/api/v1/public/tenants/foshan/publicities/${publicityId}`).expect(404);
      const unknown = await http().get('/api/v1/public/tenants/nowhere/publicities').expect(404);
      expect(unknown.body.code).toBe('unknown_tenant');
      await http().get('/api/v1/public/tenants/Bad_Id/publicities').expect(400);
    });

    it('accepts an objection from the public with a reference id; the award goes to objection review and officers are told in a digest', async () => {
      const noContact = await http()
        .post(`/api/v1/public/tenants/tianjin/publicities/${publicityId}/objections`)
        .send({ applicationId: applicationIds[0], contactName: '李四', reasons: '该标准并非该企业主导制定' })
        .expect(400);
      expect(noContact.body.details.map((d: { path: string }) => d.path)).toEqual(['contactPhone', 'contactEmail']);
      await http()
        .post(`/api/v1/public/tenants/foshan/publicities/${publicityId}/objections`)
        .send({ applicationId: applicationIds[0], contactName: '李四', contactEmail: 'objector@example.cn', reasons: 'x' })
        .expect(404);
      const response = await http()
        .post(`/api/v1/public/tenants/tianjin/publicities/${publicityId}/objections`)
        .send({ applicationId: applicationIds[0], contactName: '李四', contactPhone: '13800000000', contactEmail: 'objector@example.cn', reasons: '行业标准并非该企业主导制定' })
        .expect(201);
      objectionId = response.body.referenceId;
      expect(objectionId).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.body.repeated).toBe(false);
      expect(await statusOf('applications', applicationIds[0])).toBe('objection_review');
      const trail = await rows<{ action: string; actor_id: string; data: Record<string, unknown> }>(
        `select action, actor_id, data from audit_log where tenant_id = 'tianjin' and (entity_id = $1 or entity_id = $2) order by seq desc limit 2`,
        [objectionId, applicationIds[0]],
      );
      expect(trail.map((t) => [t.action, t.actor_id])).toEqual([
        ['objection.received', 'public'],
        ['application.objection-received', 'public'],
      ]);
      expect(JSON.stringify(trail)).not.toContain('13800000000');
      // Officers are not told objection by objection: the publicity's digest is due at the end of the 15-minute slot.
      const before = await http().get('/api/v1/notifications').set(tj.headers).expect(200);
      expect(before.body.items.map((n: { kind: string }) => n.kind)).not.toContain('objection.digest');
      const [digestJob] = await rows<{ run_at: Date }>(`select run_at from outbox where job_name = 'publicity.objection-digest' and payload->>'publicityId' = $1`, [publicityId]);
      expect(digestJob.run_at.toISOString()).toBe(new Date('2024-05-06T09:15:00+08:00').toISOString());
      clock.set(new Date('2024-05-06T09:15:00+08:00'));
      const officerNews = await eventually(
        async () => (await http().get('/api/v1/notifications').set(tj.headers).expect(200)).body.items as Array<{ kind: string; body: string }>,
        (items) => items.some((n) => n.kind === 'objection.digest'),
        'the objection digest',
      );
      expect(officerNews[0]).toMatchObject({ kind: 'objection.digest', entity: { type: 'publicity', id: publicityId } });
      expect(officerNews[0].body).toContain(objectionId);
      const received = await http().get('/api/v1/objections?status=received').set(tj.headers).expect(200);
      expect(received.body.items).toEqual([expect.objectContaining({ id: objectionId, applicationId: applicationIds[0], contactPhone: '13800000000', status: 'received' })]);
      expect((await http().get('/api/v1/objections').set(fs.headers).expect(200)).body.items).toEqual([]);
      await http().get('/api/v1/objections?status=bogus').set(tj.headers).expect(400);
      await http().post(`/api/v1/objections/${objectionId}/resolution`).set(fs.headers).send({ outcome: 'dismissed', explanation: 'x' }).expect(404);
    });

    it('resolves the objection as upheld: the amount changes, the award returns to the publicity and the objector gets an e-mail', async () => {
      const tooMuch = await http()
        .post(`/api/v1/objections/${objectionId}/resolution`)
        .set(tj.headers)
        .send({ outcome: 'upheld', explanation: '经复核，行业标准为参与制定', items: [{ achievementId: 'a2', amountFen: 4_000_001 }] })
        .expect(400);
      expect(tooMuch.body.details[0].path).toBe('items[0].amountFen');
      const response = await http()
        .post(`/api/v1/objections/${objectionId}/resolution`)
        .set(tj.headers)
        .send({ outcome: 'upheld', explanation: '经复核，行业标准为参与制定', items: [{ achievementId: 'a2', amountFen: 0 }] })
        .expect(200);
      expect(response.body).toMatchObject({ status: 'upheld', applicationStatus: 'in_publicity', decidedTotalFen: 8_000_000 });
      const [objection] = await rows<{ status: string; outcome: string; resolved_at: Date | null }>(`select status, outcome, resolved_at from objections where id = $1`, [objectionId]);
      expect(objection).toMatchObject({ status: 'upheld', outcome: '经复核，行业标准为参与制定' });
      expect(objection.resolved_at).not.toBeNull();
      const [audit] = await rows<{ reason: string }>(`select reason from audit_log where entity_id = $1 and action = 'objection.upheld'`, [objectionId]);
      expect(audit.reason).toBe('经复核，行业标准为参与制定');
      const detail = await http().get(`/api/v1/public/tenants/tianjin/publicities/${publicityId}`).expect(200);
      expect(detail.body.awards.find((a: { applicationId: string }) => a.applicationId === applicationIds[0]).totalFen).toBe(8_000_000);

      const mail = await eventually(async () => sink.mails.find((m) => m.to.includes('objector@example.cn')), (m) => m !== undefined, 'the objector e-mail');
      const text = mailText(mail!.raw);
      expect(text).toContain('经复核，行业标准为参与制定');
      expect(text).toContain('成立');
      const [row] = await eventually(
        () => rows<{ email_status: string }>(`select email_status from notifications where email = 'objector@example.cn'`, []),
        (r) => r[0]?.email_status === 'sent',
        'email_status sent',
      );
      expect(row.email_status).toBe('sent');
      await http().post(`/api/v1/objections/${objectionId}/resolution`).set(tj.headers).send({ outcome: 'dismissed', explanation: 'again' }).expect(409);
    });

    it('does not close before the end of the last day, then closes by itself: awards approved, program publicized', async () => {
      clock.set(new Date('2024-05-20T23:59:00+08:00'));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await statusOf('publicities', publicityId)).toBe('open');
      clock.set(new Date('2024-05-21T00:00:00+08:00'));
      await eventually(() => statusOf('publicities', publicityId), (s) => s === 'closed', 'the publicity to close');
      for (const id of applicationIds) expect(await statusOf('applications', id)).toBe('approved');
      expect(await statusOf('programs', program.id)).toBe('publicized');
      const late = await http()
        .post(`/api/v1/public/tenants/tianjin/publicities/${publicityId}/objections`)
        .send({ applicationId: applicationIds[1], contactName: '王五', contactPhone: '13900000000', reasons: '太晚了' })
        .expect(409);
      expect(late.body.code).toBe('publicity_closed');
      const list = await http().get('/api/v1/public/tenants/tianjin/publicities').expect(200);
      expect(list.body.items[0].status).toBe('closed');
    });

    it('hands the approved awards over to finance', async () => {
      const response = await http().post(`/api/v1/programs/${program.id}/hand-over`).set(tj.headers).send({}).expect(200);
      // The budget the program officer set travels with the hand-over: finance finds it pre-filled, to confirm.
      expect(response.body).toMatchObject({ programId: program.id, totalFen: 16_000_000, budgetTotalFen: 1_000_000_000 });
      expect(response.body.applicationIds.sort()).toEqual([...applicationIds].sort());
      for (const id of applicationIds) expect(await statusOf('applications', id)).toBe('handed_over');
      const [programRow] = await rows<{ status: string; handed_over_at: Date | null }>(`select status, handed_over_at from programs where id = $1`, [program.id]);
      expect(programRow.status).toBe('handed_over');
      expect(programRow.handed_over_at?.toISOString()).toBe(new Date('2024-05-21T00:00:00+08:00').toISOString());
      const list = await http().get(`/api/v1/programs/${program.id}/approved-list`).set(tj.headers).expect(200);
      expect(list.body.totalFen).toBe(16_000_000);
      expect(list.body.applications).toHaveLength(2);
      expect(list.body.applications[0].items[0]).toMatchObject({ achievementId: 'a1', article: '第七条', decidedFen: 8_000_000 });
      await http().post(`/api/v1/programs/${program.id}/hand-over`).set(tj.headers).send({}).expect(409);
      const finance = await login(app, financeOfficer);
      const forFinance = await http().get(`/api/v1/programs/${program.id}/approved-list`).set(finance.headers).expect(200);
      expect(forFinance.body.totalFen).toBe(16_000_000);
      await http().post(`/api/v1/programs/${program.id}/hand-over`).set(finance.headers).send({}).expect(403);
      const financeNews = await http().get('/api/v1/notifications').set(finance.headers).expect(200);
      expect(financeNews.body.items[0]).toMatchObject({ kind: 'program.handed-over', entity: { type: 'program', id: program.id } });
      expect(financeNews.body.items[0].body).toContain('项目预算 10000000.00 元');
      const budget = await http().get(`/api/v1/finance/programs/${program.id}/budget/handed-over`).set(finance.headers).expect(200);
      expect(budget.body).toMatchObject({ payerName: '市级财政', handedOverFen: 1_000_000_000, budgetFen: 0 });
      const [audit] = await rows<{ action: string }>(`select action from audit_log where entity_id = $1 and action = 'program.handed-over'`, [program.id]);
      expect(audit).toBeDefined();
    });
  });

  describe('Foshan-like: 7 working days over National Day, closing after a worker restart', () => {
    let program: ProgramFixture;
    let applicationIds: string[];
    let publicityId: string;
    let pendingObjectionId: string;

    beforeAll(async () => {
      clock.set(new Date('2025-09-29T09:00:00+08:00'));
      program = await createProgram(db, {
        tenantId: 'foshan',
        policyId: 'foshan-2018',
        year: 2023,
        status: 'closed',
        opensAt: new Date('2023-03-01T00:00:00+08:00'),
        closesAt: new Date('2023-03-31T23:59:59+08:00'),
        review: reviewSettings({ publicity: { days: 7, unit: 'working' } }),
      });
      applicationIds = await decidedProgram(fs, program, fsOrgs, '2023-03-20T10:00:00+08:00', [
        [40_000_000, 30_000_000, '经费核定'],
        [50_000_000, 0],
      ]);
    });

    it('ends on the 7th working day: 2025-10-14, skipping the holiday and counting the make-up Saturday', async () => {
      expect(publicityEnd(calendarDate(2025, 9, 29), { days: 7, unit: 'working' })).toBe('2025-10-14');
      const response = await http().post(`/api/v1/programs/${program.id}/publicity`).set(fs.headers).send({ startsOn: '2025-09-29' }).expect(201);
      expect(response.body.endsOn).toBe('2025-10-14');
      publicityId = response.body.id;
    });

    it('accepts objections on the last working day; a dismissed one puts the award back on display', async () => {
      clock.set(new Date('2025-10-14T20:00:00+08:00'));
      const objection = await http()
        .post(`/api/v1/public/tenants/foshan/publicities/${publicityId}/objections`)
        .send({ applicationId: applicationIds[1], contactName: '赵六', contactPhone: '13700000000', reasons: '金额过高' })
        .expect(201);
      const resolved = await http()
        .post(`/api/v1/objections/${objection.body.referenceId}/resolution`)
        .set(fs.headers)
        .send({ outcome: 'dismissed', explanation: '金额符合第八条规定' })
        .expect(200);
      expect(resolved.body).toMatchObject({ status: 'dismissed', applicationStatus: 'in_publicity', decidedTotalFen: 50_000_000 });
      // The objector left only a phone number: the office calls them, no e-mail is attempted.
      expect(await rows(`select 1 from notifications where email is not null and entity_id = $1`, [objection.body.referenceId])).toHaveLength(0);
      const callBack = await rows<{ body: string }>(`select body from notifications where kind = 'objection.reply-by-phone' and entity_id = $1`, [objection.body.referenceId]);
      expect(callBack.length).toBeGreaterThan(0);
      expect(callBack[0].body).toContain('13700000000');
      expect(callBack[0].body).toContain('不成立');
      pendingObjectionId = (
        await http()
          .post(`/api/v1/public/tenants/foshan/publicities/${publicityId}/objections`)
          .send({ applicationId: applicationIds[0], contactName: '钱七', contactEmail: 'qian@example.cn', reasons: '国家标准发布日期不在资助期内' })
          .expect(201)
      ).body.referenceId;
    });

    it('closes by itself after the worker was stopped over the end and started again', async () => {
      await worker?.close();
      worker = undefined;
      clock.set(new Date('2025-10-15T08:30:00+08:00'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await statusOf('publicities', publicityId)).toBe('open');
      worker = await createWorker(config, { clock });
      await eventually(() => statusOf('publicities', publicityId), (s) => s === 'closed', 'the publicity to close after the restart');
      const [closed] = await rows<{ closed_at: Date }>(`select closed_at from publicities where id = $1`, [publicityId]);
      expect(closed.closed_at.toISOString()).toBe(new Date('2025-10-15T08:30:00+08:00').toISOString());
      // The award without a pending objection is approved; the other waits for its resolution, and so does the program.
      expect(await statusOf('applications', applicationIds[1])).toBe('approved');
      expect(await statusOf('applications', applicationIds[0])).toBe('objection_review');
      expect(await statusOf('programs', program.id)).toBe('decided');
      await http().post(`/api/v1/programs/${program.id}/hand-over`).set(fs.headers).send({}).expect(409);
    });

    it('approves the award once its objection is resolved after the close, and the program is publicized', async () => {
      const response = await http()
        .post(`/api/v1/objections/${pendingObjectionId}/resolution`)
        .set(fs.headers)
        .send({ outcome: 'upheld', explanation: '行业标准资助核减', items: [{ achievementId: 'a2', amountFen: 10_000_000 }] })
        .expect(200);
      expect(response.body).toMatchObject({ applicationStatus: 'approved', decidedTotalFen: 50_000_000 });
      expect(await statusOf('programs', program.id)).toBe('publicized');
      const mail = await eventually(async () => sink.mails.find((m) => m.to.includes('qian@example.cn')), (m) => m !== undefined, 'the second objector e-mail');
      expect(mailText(mail!.raw)).toContain('500000.00 元');
      // 第十三条: 佛山市人民政府 approves the allocation before the hand-over (tests/e2e/allocation-approval.spec.ts).
      await http().post(`/api/v1/programs/${program.id}/allocation-approval`).set(fs.headers).send({ documentNo: '佛府函〔2025〕1号', approvedOn: cstDateOf(clock.now()), approvedTotalFen: 100_000_000 }).expect(201);
      await http().post(`/api/v1/programs/${program.id}/hand-over`).set(fs.headers).send({}).expect(200);
      expect(await statusOf('programs', program.id)).toBe('handed_over');
    });
  });
});
