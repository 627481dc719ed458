import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { AppConfig } from '@subsidy/config';
import { verifyLedger } from '@subsidy/finance';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { createWorker } from '../../apps/worker/src/create-worker';
import { asSuperuser, createTenant, createUser, login, registerApprovedOrganization, RegisteredOrganization, Session, UserFixture } from '../support/factories';
import { createHandedOverProgram } from '../support/factories/finance';
import { waitFor } from '../support/polling';
import { deleteRedisKeys } from '../support/redis-keys';
import { createTestDatabase, TestDatabase } from '../support/test-database';

interface LineBody {
  lineNo: number;
  payeeName: string;
  accountNo: string;
  amountFen: number;
  status: string;
}

/**
 * Payee accounts (issue 9, item 7) through the real API and the real worker (in this process, system clock): only the
 * organization's administrator changes its account, which must be the organization's own (对公账户); finance officers
 * are told of every change; a line of an award approved before a change is held, and paid only after a finance officer
 * confirms the new account for that line — by the worker, like any released line. Weihai splits each award 1:1
 * between the city and the awardee's district (第二十条).
 */
describe('payee accounts over HTTP', () => {
  let db: TestDatabase;
  let config: AppConfig;
  let app: INestApplication;
  let worker: INestApplicationContext | undefined;
  let programId: string;
  let orgA: RegisteredOrganization;
  let orgB: RegisteredOrganization;
  let adminA: Session;
  let adminB: Session;
  let colleagueA: Session;
  let colleagueAUser: { id: string };
  let cityUser: UserFixture;
  let city: Session;
  let city2User: UserFixture;
  let city2: Session;
  let huancuiUser: UserFixture;
  let huancui: Session;
  let wendengUser: UserFixture;
  let wendeng: Session;
  let keyNo = 0;
  const key = () => `payee-${++keyNo}-${Date.now()}`;
  const http = () => request(app.getHttpServer());
  const account = (organizationId: string) => `/api/v1/finance/organizations/${organizationId}/bank-account`;
  const base = () => `/api/v1/finance/programs/${programId}`;
  const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await asSuperuser(db, (c) => c.query(sql, params))).rows as T[];
  const batchOf = async (id: string) => (await http().get(`/api/v1/finance/batches/${id}`).set(city.headers).expect(200)).body as { status: string; lines: LineBody[] };

  const ledgerOk = async () => {
    const client = await db.appRole();
    try {
      await client.query('begin isolation level repeatable read read only');
      await client.query(`select set_config('app.tenant_id', 'weihai', true)`);
      return await verifyLedger(async (sql: string) => (await client.query(sql)).rows as unknown[]);
    } finally {
      await client.query('rollback');
      await client.end();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    config = { ...db.config, outbox: { pollMs: 50 } };
    app = await createApp(config);
    await createTenant(db, {
      id: 'weihai',
      divisionCode: '371000',
      districts: [
        { code: '371002', nameZh: '环翠区' },
        { code: '371003', nameZh: '文登区' },
      ],
    });
    const officer = await login(app, await createUser(db, { tenantId: 'weihai', role: 'program_officer' }));
    orgA = await registerApprovedOrganization(app, db, { tenantId: 'weihai', districtCode: '371002', name: '威海环翠示范食品有限公司' }, officer);
    orgB = await registerApprovedOrganization(app, db, { tenantId: 'weihai', districtCode: '371003', name: '威海（文登）海洋科技有限公司' }, officer);
    adminA = await login(app, orgA.applicant);
    adminB = await login(app, orgB.applicant);
    const invitation = await http().post(`/api/v1/organizations/${orgA.organization.id}/invitations`).set(adminA.headers).send({ email: 'member@example.cn' }).expect(201);
    const accepted = await http()
      .post('/api/v1/invitations/accept')
      .send({ tenant: 'weihai', token: invitation.body.token, username: 'member-a', displayName: '钱七', password: 'another-long-password' })
      .expect(201);
    colleagueAUser = accepted.body;
    colleagueA = await login(app, { tenantId: 'weihai', username: 'member-a', password: 'another-long-password' });

    cityUser = await createUser(db, { tenantId: 'weihai', role: 'finance_officer', financeLevel: 'city' });
    city2User = await createUser(db, { tenantId: 'weihai', role: 'finance_officer', financeLevel: 'city' });
    huancuiUser = await createUser(db, { tenantId: 'weihai', role: 'finance_officer', financeLevel: 'district', districtCode: '371002' });
    wendengUser = await createUser(db, { tenantId: 'weihai', role: 'finance_officer', financeLevel: 'district', districtCode: '371003' });
    [city, city2, huancui, wendeng] = await Promise.all([cityUser, city2User, huancuiUser, wendengUser].map((u) => login(app, u)));

    const handed = await createHandedOverProgram(db, {
      tenantId: 'weihai',
      policyId: 'weihai-2020',
      applications: [
        { organization: orgA.organization, items: [{ achievementId: 'a1', decidedFen: 20_000 }] },
        { organization: orgB.organization, items: [{ achievementId: 'b1', decidedFen: 30_000 }] },
      ],
    });
    programId = handed.program.id;
    worker = await createWorker(config);
  });

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    if (db) await deleteRedisKeys(config);
    await db?.drop();
  });

  describe('who may set it, and to what', () => {
    it('refuses a member who is not the administrator (403) and stores nothing', async () => {
      const response = await http().put(account(orgA.organization.id)).set(colleagueA.headers).send({ accountName: orgA.organization.name, bankName: '中国工商银行威海分行', accountNo: '6222021614001234567' });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('not_organization_administrator');
      expect(await rows(`select 1 from organization_bank_accounts where organization_id = $1`, [orgA.organization.id])).toEqual([]);
    });

    it('refuses, with 422 naming the field, a holder other than the registered name and a number that is not a mainland account', async () => {
      const privatePerson = await http().put(account(orgA.organization.id)).set(adminA.headers).send({ accountName: '张三', bankName: '中国工商银行威海分行', accountNo: '6222021614001234567' });
      expect(privatePerson.status).toBe(422);
      expect(privatePerson.body).toMatchObject({ code: 'payee_account_rejected', details: [{ path: 'accountName', message: expect.stringContaining('对公账户') }] });
      const foreign = await http().put(account(orgA.organization.id)).set(adminA.headers).send({ accountName: orgA.organization.name, bankName: 'Deutsche Bank', accountNo: 'DE89370400440532013000' });
      expect(foreign.status).toBe(422);
      expect(foreign.body.details.map((d: { path: string }) => d.path)).toEqual(['accountNo']);
      expect(await rows(`select 1 from organization_bank_accounts where organization_id = $1`, [orgA.organization.id])).toEqual([]);
      expect(await rows(`select 1 from notifications where entity_id = $1 and kind like 'finance.payee-account-%'`, [orgA.organization.id])).toEqual([]);
    });

    it('accepts the registered name written with half-width brackets for one registered with full-width ones', async () => {
      const response = await http().put(account(orgB.organization.id)).set(adminB.headers).send({ accountName: '威海(文登)海洋科技有限公司', bankName: '中国建设银行文登支行', accountNo: '6217 0012 3400 0098 765' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ accountName: '威海(文登)海洋科技有限公司', accountNo: '6217001234000098765', version: 1 });
    });

    it("tells the city's finance officers, the district's and the organization's members, and audits the change", async () => {
      await http().put(account(orgA.organization.id)).set(adminA.headers).send({ accountName: orgA.organization.name, bankName: '中国工商银行威海分行', accountNo: '6222021614001234567' }).expect(200);
      const told = await rows<{ user_id: string }>(`select user_id from notifications where entity_id = $1 and kind = 'finance.payee-account-set' order by user_id`, [orgA.organization.id]);
      expect(told.map((t) => t.user_id).sort()).toEqual([cityUser.id, city2User.id, huancuiUser.id, orgA.applicant.id, colleagueAUser.id].sort());
      const [audit] = await rows<{ actor_id: string; data: Record<string, unknown> }>(`select actor_id, data from audit_log where action = 'finance.bank-account-set' and entity_id = $1`, [orgA.organization.id]);
      expect(audit).toEqual({ actor_id: orgA.applicant.id, data: expect.objectContaining({ version: 1, accountNoLast4: '4567', previous: null }) });
    });
  });

  describe('a change after approval', () => {
    let cityBatch: string;

    it('is announced to finance as a change once the shares are approved', async () => {
      await http().put(`${base()}/budget`).set(city.headers).set('Idempotency-Key', key()).send({ payer: 'city', amountFen: 1_000_000 }).expect(200);
      await http().put(`${base()}/budget`).set(huancui.headers).set('Idempotency-Key', key()).send({ payer: 'district:371002', amountFen: 1_000_000 }).expect(200);
      await http().put(`${base()}/budget`).set(wendeng.headers).set('Idempotency-Key', key()).send({ payer: 'district:371003', amountFen: 1_000_000 }).expect(200);
      await http().post(`${base()}/intake`).set(city.headers).set('Idempotency-Key', key()).expect(200);
      await http().post(`${base()}/approvals`).set(city.headers).set('Idempotency-Key', key()).send({ payer: 'city', all: true }).expect(200);
      await http().post(`${base()}/approvals`).set(wendeng.headers).set('Idempotency-Key', key()).send({ payer: 'district:371003', all: true }).expect(200);

      const changed = await http().put(account(orgA.organization.id)).set(adminA.headers).send({ accountName: orgA.organization.name, bankName: '中国农业银行威海分行', accountNo: '6228480010000000011' });
      expect(changed.status).toBe(200);
      expect(changed.body.version).toBe(2);
      const [notice] = await rows<{ subject: string; body: string }>(
        `select subject, body from notifications where entity_id = $1 and kind = 'finance.payee-account-changed' and user_id = $2`,
        [orgA.organization.id, cityUser.id],
      );
      expect(notice.subject).toContain('收款账户变更');
      expect(notice.body).toContain('尾号4567变更为中国农业银行威海分行尾号0011');
    });

    it('holds the changed payee\'s line, which the worker does not instruct, and pays the others', async () => {
      const released = await http().post(`${base()}/batches/release`).set(city.headers).set('Idempotency-Key', key()).send({ payer: 'city' }).expect(202);
      cityBatch = released.body.id;
      const lineOf = (lines: LineBody[], org: RegisteredOrganization) => lines.find((l) => l.payeeName === org.organization.name)!;
      expect(lineOf(released.body.lines, orgA)).toMatchObject({ status: 'held_account_changed', accountNo: '6228480010000000011', amountFen: 10_000 });
      expect(lineOf(released.body.lines, orgB).status).toBe('pending');

      const instructed = await waitFor('the worker to instruct the line that is not held', async () => {
        const batch = await batchOf(cityBatch);
        return batch.status !== 'releasing' && batch;
      });
      expect(lineOf(instructed.lines, orgB).status).toBe('instructed');
      expect(lineOf(instructed.lines, orgA).status).toBe('held_account_changed');
      const lineA = lineOf(instructed.lines, orgA);
      expect(await rows(`select id from outbox where job_name = 'payment.instruct-line' and payload->>'batchId' = $1 and (payload->>'lineNo')::int = $2`, [cityBatch, lineA.lineNo])).toEqual([]);
      expect((await http().post(`${base()}/batches`).set(city.headers).set('Idempotency-Key', key()).send({ payer: 'city' })).status).toBe(409);

      const confirmed = await http().post(`/api/v1/finance/batches/${cityBatch}/confirm`).set(city.headers).set('Idempotency-Key', key()).send({ bankReference: 'ICBC-1' }).expect(200);
      expect(confirmed.body.status).toBe('partially_confirmed');
      expect(lineOf(confirmed.body.lines, orgA).status).toBe('held_account_changed');
      const [installment] = await rows<{ status: string }>(
        `select i.status from payment_batch_lines l join finance_installments i on i.id = l.installment_id where l.batch_id = $1 and l.line_no = $2`,
        [cityBatch, lineA.lineNo],
      );
      expect(installment.status).toBe('due');
      const held = await http().post(`/api/v1/finance/batches/${cityBatch}/confirm`).set(city.headers).set('Idempotency-Key', key()).send({ bankReference: 'ICBC-2' });
      expect(held.status).toBe(409);
      expect(held.body.message).toContain('已暂停');
      await expect(ledgerOk()).resolves.toMatchObject({ ok: true });
    });

    it('is paid once a finance officer confirms the new account for that line, through the worker', async () => {
      const lineA = (await batchOf(cityBatch)).lines.find((l) => l.payeeName === orgA.organization.name)!;
      const confirmAccount = (session: Session, body: Record<string, unknown>) =>
        http().post(`/api/v1/finance/batches/${cityBatch}/account-confirmations`).set(session.headers).set('Idempotency-Key', key()).send(body);

      const noNote = await confirmAccount(city, { lineNo: lineA.lineNo, accountNo: '6228480010000000011' });
      expect(noNote.status).toBe(400);
      const oldAccount = await confirmAccount(city, { lineNo: lineA.lineNo, accountNo: '6222021614001234567', note: '核对' });
      expect(oldAccount.status).toBe(409);
      expect(oldAccount.body).toMatchObject({ code: 'account_confirmation_mismatch', details: [{ path: 'accountNo' }] });
      expect((await confirmAccount(wendeng, { lineNo: lineA.lineNo, accountNo: '6228480010000000011', note: '核对' })).status).toBe(404);
      const notHeld = await confirmAccount(city, { lineNo: lineA.lineNo === 1 ? 2 : 1, accountNo: '6217001234000098765', note: '核对' });
      expect(notHeld.body.code).toBe('line_not_held');

      const confirmed = await confirmAccount(city, { lineNo: lineA.lineNo, accountNo: '6228 4800 1000 0000 011', note: '已电话核实并收到加盖公章的账户确认书' });
      expect(confirmed.status).toBe(200);
      const [audit] = await rows<{ actor_id: string; reason: string; data: Record<string, unknown> }>(
        `select actor_id, reason, data from audit_log where action = 'finance.payee-account-confirmed' and entity_id = $1`,
        [cityBatch],
      );
      expect(audit).toEqual({ actor_id: cityUser.id, reason: '已电话核实并收到加盖公章的账户确认书', data: expect.objectContaining({ lineNo: lineA.lineNo, accountVersion: 2 }) });

      await waitFor('the worker to instruct the confirmed line', async () => (await batchOf(cityBatch)).lines.find((l) => l.lineNo === lineA.lineNo)!.status === 'instructed');
      const paid = await http().post(`/api/v1/finance/batches/${cityBatch}/confirm`).set(city.headers).set('Idempotency-Key', key()).send({ bankReference: 'ABC-1' }).expect(200);
      expect(paid.body.status).toBe('confirmed');
      expect(paid.body.lines.map((l: LineBody) => l.status)).toEqual(['paid', 'paid']);
      const report = (await http().get(`${base()}/report`).set(city.headers).expect(200)).body;
      expect(report.payers.find((p: { payer: string }) => p.payer === 'city')).toMatchObject({ paidFen: 25_000 });
      await expect(ledgerOk()).resolves.toMatchObject({ ok: true });
    });

    it('needs a second finance officer when a finance officer made the change', async () => {
      await http().put(account(orgB.organization.id)).set(wendeng.headers).send({ accountName: orgB.organization.name, bankName: '中国银行文登支行', accountNo: '6013820000000000022' }).expect(200);
      const created = await http().post(`${base()}/batches`).set(wendeng.headers).set('Idempotency-Key', key()).send({ payer: 'district:371003' }).expect(201);
      expect(created.body.lines).toEqual([expect.objectContaining({ status: 'held_account_changed', accountNo: '6013820000000000022' })]);
      const confirm = (session: Session) =>
        http()
          .post(`/api/v1/finance/batches/${created.body.id}/account-confirmations`)
          .set(session.headers)
          .set('Idempotency-Key', key())
          .send({ lineNo: 1, accountNo: '6013820000000000022', note: '单位来函变更账户' });
      const own = await confirm(wendeng);
      expect(own.status).toBe(403);
      expect(own.body.code).toBe('account_change_needs_second_officer');
      await confirm(city2).expect(200);
      await waitFor('the worker to instruct the district line', async () => (await batchOf(created.body.id)).status === 'instructed');
      const paid = await http().post(`/api/v1/finance/batches/${created.body.id}/confirm`).set(wendeng.headers).set('Idempotency-Key', key()).send({ bankReference: 'BOC-1' }).expect(200);
      expect(paid.body).toMatchObject({ status: 'confirmed', lines: [expect.objectContaining({ status: 'paid', accountNo: '6013820000000000022' })] });
      await expect(ledgerOk()).resolves.toMatchObject({ ok: true });
    });
  });
});
