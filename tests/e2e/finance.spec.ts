import { INestApplication } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import { FinanceModule, SanctionStore, verifyLedger } from '@subsidy/finance';
import { Workbook } from 'exceljs';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { evaluateWithPolicy } from '@subsidy/policy';
import { asSuperuser, createApplication, createOrganization, createOrganizationAdministrator, createProgram, createUser, login, nationalStandardLead, OrganizationFixture, policies, Session } from '../support/factories';
import { createHandedOverProgram, createPolicyTenant, createWeihaiPayout } from '../support/factories/finance';
import { createTestDatabase, TestDatabase } from '../support/test-database';

interface IntakeBody {
  totalFen: number;
  committedByPayer: Record<string, number>;
  awards: Array<{ applicationId: string; achievementId: string; decidedFen: number; shares: Array<{ shareId: string; payer: string; amountFen: number }> }>;
}
interface ShareBody {
  shareId: string;
  payer: string;
  amountFen: number;
  status: string;
  applicationId: string;
}
interface BatchBody {
  id: string;
  status: string;
  totalFen: number;
  lines: Array<{ lineNo: number; amountFen: number; payeeName: string; status: string; installmentId: string }>;
}

/**
 * Weihai's policy splits every award between city and county finance 1:1 (第二十条). Two applicants in two districts,
 * decided amounts chosen so the split has an odd fen.
 */
describe('finance over HTTP', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let programId: string;
  let applicationIds: string[];
  let orgA: OrganizationFixture;
  let orgB: OrganizationFixture;
  let city: Session;
  let huancui: Session;
  let wendeng: Session;
  let officer: Session;
  let applicantA: Session;
  let keyNo = 0;
  const key = (): string => `finance-key-${++keyNo}-${Date.now()}`;
  const clock = new ManualClock(new Date('2024-07-01T10:00:00+08:00'));
  const http = () => request(app.getHttpServer());
  const base = () => `/api/v1/finance/programs/${programId}`;

  const ledgerOk = async () => {
    const client = await db.appRole();
    try {
      await client.query('begin isolation level repeatable read read only');
      await client.query(`select set_config('app.tenant_id', 'weihai', true)`);
      const result = await verifyLedger(async (sql: string) => (await client.query(sql)).rows as unknown[]);
      await client.query('rollback');
      return result;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config, { clock });
    const payout = await createWeihaiPayout(db, {
      orgA: [{ achievementId: 'a1', decidedFen: 10_001 }],
      orgB: [{ achievementId: 'b1', decidedFen: 300_000 }],
    });
    ({ orgA, orgB, programId } = payout);
    applicationIds = payout.applicationIds;
    city = await login(app, await createUser(db, { tenantId: 'weihai', role: 'finance_officer', financeLevel: 'city' }));
    huancui = await login(app, await createUser(db, { tenantId: 'weihai', role: 'finance_officer', financeLevel: 'district', districtCode: '371002' }));
    wendeng = await login(app, await createUser(db, { tenantId: 'weihai', role: 'finance_officer', financeLevel: 'district', districtCode: '371003' }));
    officer = await login(app, await createUser(db, { tenantId: 'weihai', role: 'program_officer' }));
    applicantA = await login(app, await createOrganizationAdministrator(db, orgA));
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('budgets', () => {
    it('lets each payer set its own budget only', async () => {
      const set = (session: Session, payer: string, amountFen: number) =>
        http().put(`${base()}/budget`).set(session.headers).set('Idempotency-Key', key()).send({ payer, amountFen });
      expect((await set(city, 'city', 1_000_000)).body).toMatchObject({ payer: 'city', budgetFen: 1_000_000, availableFen: 1_000_000 });
      expect((await set(huancui, 'district:371002', 4_999)).status).toBe(200);
      expect((await set(wendeng, 'district:371003', 200_000)).status).toBe(200);
      const foreign = await set(wendeng, 'district:371002', 9_999_999);
      expect(foreign.status).toBe(403);
      expect(foreign.body.code).toBe('payer_forbidden');
      expect((await set(officer, 'city', 1)).status).toBe(403);
      const bad = await set(city, 'province', 1);
      expect(bad.status).toBe(400);
      expect(bad.body.details[0].path).toBe('payer');
      const unknownDistrict = await set(city, 'district:999999', 1);
      expect(unknownDistrict.status).toBe(400);
      expect(unknownDistrict.body.details).toEqual([{ path: 'payer', message: '不是本地区的区县' }]);
    });

    it('replays a budget change with the same key and refuses the key for a different body', async () => {
      const k = key();
      const first = await http().put(`${base()}/budget`).set(city.headers).set('Idempotency-Key', k).send({ payer: 'city', amountFen: 1_200_000 });
      const again = await http().put(`${base()}/budget`).set(city.headers).set('Idempotency-Key', k).send({ payer: 'city', amountFen: 1_200_000 });
      expect(again.status).toBe(first.status);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      const other = await http().put(`${base()}/budget`).set(city.headers).set('Idempotency-Key', k).send({ payer: 'city', amountFen: 1 });
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('idempotency_key_reused');
      const report = await http().get(`${base()}/report`).set(city.headers);
      expect(report.body.payers.find((p: { payer: string }) => p.payer === 'city').budgetFen).toBe(1_200_000);
      const missing = await http().put(`${base()}/budget`).set(city.headers).send({ payer: 'city', amountFen: 1 });
      expect(missing.status).toBe(400);
      expect(missing.body.code).toBe('idempotency_key_missing');
    });
  });

  describe('intake', () => {
    it('is for city finance only', async () => {
      const response = await http().post(`${base()}/intake`).set(huancui.headers).set('Idempotency-Key', key());
      expect(response.status).toBe(403);
    });

    it('refuses an over-commitment clearly and commits nothing', async () => {
      const response = await http().post(`${base()}/intake`).set(city.headers).set('Idempotency-Key', key());
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('over_commitment');
      expect(response.body.message).toContain('区县财政（371002）需 50.00 元，可用 49.99 元');
      const { rows } = await asSuperuser(db, (client) => client.query(`select count(*)::int as n from ledger_entries where kind = 'award_committed'`));
      expect(rows[0].n).toBe(0);
    });

    it('splits each decided amount 1:1 between city and district to the fen and commits the shares', async () => {
      await http().put(`${base()}/budget`).set(huancui.headers).set('Idempotency-Key', key()).send({ payer: 'district:371002', amountFen: 100_000 }).expect(200);
      const k = key();
      const response = await http().post(`${base()}/intake`).set(city.headers).set('Idempotency-Key', k);
      expect(response.status).toBe(200);
      const body = response.body as IntakeBody;
      expect(body.totalFen).toBe(310_001);
      const a = body.awards.find((award) => award.applicationId === applicationIds[0])!;
      const b = body.awards.find((award) => award.applicationId === applicationIds[1])!;
      expect(a.shares.map((s) => [s.payer, s.amountFen])).toEqual([
        ['city', 5_001],
        ['district:371002', 5_000],
      ]);
      expect(b.shares.map((s) => [s.payer, s.amountFen])).toEqual([
        ['city', 150_000],
        ['district:371003', 150_000],
      ]);
      for (const award of body.awards) expect(award.shares.reduce((sum, s) => sum + s.amountFen, 0)).toBe(award.decidedFen);
      expect(body.committedByPayer).toEqual({ city: 155_001, 'district:371002': 5_000, 'district:371003': 150_000 });

      const replay = await http().post(`${base()}/intake`).set(city.headers).set('Idempotency-Key', k);
      expect(replay.status).toBe(200);
      expect(replay.body).toEqual(body);
      const twice = await http().post(`${base()}/intake`).set(city.headers).set('Idempotency-Key', key());
      expect(twice.status).toBe(409);
      const { rows } = await asSuperuser(db, (client) => client.query(`select count(*)::int as n from finance_shares`));
      expect(rows[0].n).toBe(4);
    });
  });

  describe('approval', () => {
    const shares = async (session: Session): Promise<ShareBody[]> => (await http().get(`${base()}/shares`).set(session.headers).expect(200)).body.shares as ShareBody[];

    it('shows a district officer its own payer only, and refuses approving another payer', async () => {
      expect((await shares(huancui)).map((s) => s.payer)).toEqual(['district:371002']);
      expect(new Set((await shares(city)).map((s) => s.payer))).toEqual(new Set(['city', 'district:371002', 'district:371003']));
      const foreign = await http().post(`${base()}/approvals`).set(wendeng.headers).set('Idempotency-Key', key()).send({ payer: 'district:371002', all: true });
      expect(foreign.status).toBe(403);
    });

    it('needs a reason to hold a share back', async () => {
      const [share] = await shares(wendeng);
      const response = await http()
        .post(`${base()}/approvals`)
        .set(wendeng.headers)
        .set('Idempotency-Key', key())
        .send({ payer: 'district:371003', items: [{ shareId: share.shareId, action: 'hold' }] });
      expect(response.status).toBe(400);
      expect(response.body.details[0].path).toBe('items[0].reason');
    });

    it('approves the whole list, item by item, or after holding back', async () => {
      const all = await http().post(`${base()}/approvals`).set(city.headers).set('Idempotency-Key', key()).send({ payer: 'city', all: true });
      expect(all.status).toBe(200);
      expect(all.body.approvedFen).toBe(155_001);

      const [own] = await shares(huancui);
      const one = await http()
        .post(`${base()}/approvals`)
        .set(huancui.headers)
        .set('Idempotency-Key', key())
        .send({ payer: 'district:371002', items: [{ shareId: own.shareId, action: 'approve' }] });
      expect(one.body.approved).toEqual([{ shareId: own.shareId, amountFen: 5_000 }]);

      const [held] = await shares(wendeng);
      const hold = await http()
        .post(`${base()}/approvals`)
        .set(wendeng.headers)
        .set('Idempotency-Key', key())
        .send({ payer: 'district:371003', items: [{ shareId: held.shareId, action: 'hold', reason: '合同尚未备案' }] });
      expect(hold.body.held).toEqual([{ shareId: held.shareId, reason: '合同尚未备案' }]);
      expect((await shares(wendeng))[0]).toMatchObject({ status: 'held' });
      const report = (await http().get(`${base()}/report`).set(wendeng.headers).expect(200)).body;
      expect(report.payers).toEqual([expect.objectContaining({ payer: 'district:371003', committedFen: 150_000, approvedFen: 0 })]);
    });

    it('answers a concurrent duplicate with 409 while the first is still running, then replays it', async () => {
      const [held] = await shares(wendeng);
      const k = key();
      const body = { payer: 'district:371003', items: [{ shareId: held.shareId, action: 'approve' }] };
      const blocker = await db.superuser();
      await blocker.query('begin');
      await blocker.query(`select 1 from finance_shares where payer = 'district:371003' for update`);
      const first = http().post(`${base()}/approvals`).set(wendeng.headers).set('Idempotency-Key', k).send(body).then((r) => r);
      // Wait until the first request has claimed the key (and is then held by the lock), however slow the machine.
      for (let tries = 0; tries < 100; tries++) {
        const claimed = await asSuperuser(db, (client) => client.query(`select 1 from idempotency_keys where key = $1`, [k]));
        if (claimed.rowCount === 1) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      const duplicate = await http().post(`${base()}/approvals`).set(wendeng.headers).set('Idempotency-Key', k).send(body);
      await blocker.query('rollback');
      await blocker.end();
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.code).toBe('idempotency_in_progress');
      const done = await first;
      expect(done.status).toBe(200);
      expect(done.body.approvedFen).toBe(150_000);
      const replay = await http().post(`${base()}/approvals`).set(wendeng.headers).set('Idempotency-Key', k).send(body);
      expect(replay.body).toEqual(done.body);
      const { rows } = await asSuperuser(db, (client) => client.query(`select count(*)::int as n from ledger_entries where kind = 'share_approved'`));
      expect(rows[0].n).toBe(4);
    });
  });

  describe('payment', () => {
    let batch: BatchBody;

    it('refuses a batch while a payee has no bank account', async () => {
      const response = await http().post(`${base()}/batches`).set(city.headers).set('Idempotency-Key', key()).send({ payer: 'city' });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('bank_account_missing');
    });

    it("takes bank details from the organization's administrator for its own organization, or from finance", async () => {
      const account = { accountName: orgA.name, bankName: '中国工商银行威海分行', accountNo: '6222021614001234567' };
      expect((await http().put(`/api/v1/finance/organizations/${orgA.id}/bank-account`).set(applicantA.headers).send(account)).status).toBe(200);
      expect((await http().put(`/api/v1/finance/organizations/${orgB.id}/bank-account`).set(applicantA.headers).send(account)).status).toBe(403);
      const bad = await http().put(`/api/v1/finance/organizations/${orgB.id}/bank-account`).set(city.headers).send({ ...account, accountName: orgB.name, accountNo: '12-34' });
      expect(bad.status).toBe(422);
      expect(bad.body.details[0].path).toBe('accountNo');
      const ok = await http()
        .put(`/api/v1/finance/organizations/${orgB.id}/bank-account`)
        .set(city.headers)
        .send({ accountName: orgB.name, bankName: '中国建设银行文登支行', accountNo: '6217001234000098765' });
      expect(ok.status).toBe(200);
    });

    it("batches the city's due shares and exports them for the treasury", async () => {
      const response = await http().post(`${base()}/batches`).set(city.headers).set('Idempotency-Key', key()).send({ payer: 'city' });
      expect(response.status).toBe(201);
      batch = response.body as BatchBody;
      expect(batch.totalFen).toBe(155_001);
      expect(batch.lines.map((l) => l.amountFen).sort((x, y) => x - y)).toEqual([5_001, 150_000]);
      // Another payer's batch is not found for a district officer (404), as if it did not exist.
      expect((await http().get(`/api/v1/finance/batches/${batch.id}`).set(huancui.headers)).status).toBe(404);
      expect((await http().get(`/api/v1/finance/batches/${batch.id}/export.xlsx`).set(huancui.headers)).status).toBe(404);
      // The program's batches: the city officer reads this one; the district officer none of another payer's.
      const listed = await http().get(`${base()}/batches`).set(city.headers).expect(200);
      expect((listed.body.batches as BatchBody[]).map((b) => [b.id, b.totalFen])).toEqual([[batch.id, 155_001]]);
      const districtListed = await http().get(`${base()}/batches`).set(huancui.headers).expect(200);
      expect((districtListed.body.batches as Array<{ payer: string }>).map((b) => b.payer)).not.toContain('city');

      const file = await http()
        .get(`/api/v1/finance/batches/${batch.id}/export.xlsx`)
        .set(city.headers)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(file.status).toBe(200);
      const workbook = new Workbook();
      await workbook.xlsx.load(file.body as Buffer);
      const sheet = workbook.worksheets[0];
      const rows = sheet.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
      expect(rows[0]).toEqual(['序号', '收款单位', '统一社会信用代码', '开户银行', '银行账号', '金额（元）', '用途', '项目', '依据条款']);
      const lineA = rows.find((r) => r[1] === orgA.name)!;
      expect(lineA).toEqual([expect.any(Number), orgA.name, orgA.uscc, '中国工商银行威海分行', '6222021614001234567', 50.01, '2024年度标准化资助 GB/T 40001-2023', '2024年度标准化资助', '第六条']);
      expect(rows.find((r) => r[1] === orgB.name)![5]).toBe(1500);
      expect(rows[rows.length - 1][0]).toBe('合计');
      expect(rows[rows.length - 1][5]).toBe(1550.01);
      expect(sheet.getRow(2).getCell(6).numFmt).toBe('0.00');
    });

    it('confirms per line: a failed line falls due again, a paid one is paid', async () => {
      const lineA = batch.lines.find((l) => l.payeeName === orgA.name)!;
      const lineB = batch.lines.find((l) => l.payeeName === orgB.name)!;
      const partial = await http()
        .post(`/api/v1/finance/batches/${batch.id}/confirm`)
        .set(city.headers)
        .set('Idempotency-Key', key())
        .send({ bankReference: 'ICBC-20240701-001', lines: [{ lineNo: lineB.lineNo, outcome: 'paid' }, { lineNo: lineA.lineNo, outcome: 'failed', bankReference: 'RJ-ACCOUNT-CLOSED' }] });
      expect(partial.status).toBe(200);
      expect(partial.body.status).toBe('confirmed');
      const again = await http().post(`/api/v1/finance/batches/${batch.id}/confirm`).set(city.headers).set('Idempotency-Key', key()).send({ bankReference: 'x' });
      expect(again.status).toBe(409);

      const retry = await http().post(`${base()}/batches`).set(city.headers).set('Idempotency-Key', key()).send({ payer: 'city' });
      expect(retry.status).toBe(201);
      expect(retry.body.lines).toEqual([expect.objectContaining({ payeeName: orgA.name, amountFen: 5_001 })]);
      const full = await http().post(`/api/v1/finance/batches/${retry.body.id}/confirm`).set(city.headers).set('Idempotency-Key', key()).send({ bankReference: 'ICBC-20240702-001' });
      expect(full.body).toMatchObject({ status: 'confirmed', lines: [expect.objectContaining({ status: 'paid', bankReference: 'ICBC-20240702-001' })] });
    });

    it('pays the districts from their own batches', async () => {
      for (const [session, payer] of [
        [huancui, 'district:371002'],
        [wendeng, 'district:371003'],
      ] as const) {
        const created = await http().post(`${base()}/batches`).set(session.headers).set('Idempotency-Key', key()).send({ payer });
        expect(created.status).toBe(201);
        const confirmed = await http().post(`/api/v1/finance/batches/${created.body.id}/confirm`).set(session.headers).set('Idempotency-Key', key()).send({ bankReference: `REF-${payer}` });
        expect(confirmed.body.status).toBe('confirmed');
      }
    });

    it('reports every payer paid in full, and the ledger balances', async () => {
      const report = (await http().get(`${base()}/report`).set(city.headers).expect(200)).body;
      expect(report.totals).toMatchObject({ budgetFen: 1_500_000, committedFen: 310_001, approvedFen: 310_001, paidFen: 310_001, outstandingFen: 0 });
      expect(report.payers.find((p: { payer: string }) => p.payer === 'city')).toMatchObject({ budgetFen: 1_200_000, availableFen: 1_044_999, paidFen: 155_001 });
      await expect(ledgerOk()).resolves.toMatchObject({ ok: true });
    });
  });

  describe('clawback', () => {
    it('claims money back between the payers that paid, records the fraud ban, and tracks recovery', async () => {
      expect((await http().post('/api/v1/finance/clawbacks').set(city.headers).set('Idempotency-Key', key()).send({})).status).toBe(403);
      const response = await http()
        .post('/api/v1/finance/clawbacks')
        .set(officer.headers)
        .set('Idempotency-Key', key())
        .send({ applicationId: applicationIds[0], reasonKind: 'fraud', reason: '伪造标准起草单位证明', amountFen: 10_001, foundOn: '2024-06-28' });
      expect(response.status).toBe(201);
      expect(response.body.shares).toEqual([
        { payer: 'city', amountFen: 5_001 },
        { payer: 'district:371002', amountFen: 5_000 },
      ]);
      expect(response.body.sanction).toEqual({ kind: 'fraud_ban', on: '2024-06-28' });
      const tooMuch = await http()
        .post('/api/v1/finance/clawbacks')
        .set(officer.headers)
        .set('Idempotency-Key', key())
        .send({ applicationId: applicationIds[0], reasonKind: 'misuse', reason: 'again', amountFen: 1, foundOn: '2024-06-28' });
      expect(tooMuch.status).toBe(400);

      const recovered = await http()
        .post(`/api/v1/finance/clawbacks/${response.body.id}/recoveries`)
        .set(city.headers)
        .set('Idempotency-Key', key())
        .send({ payer: 'city', amountFen: 5_001 });
      expect(recovered.body).toMatchObject({ recoveredFen: 5_001, outstandingFen: 0, status: 'open' });
      // The program's clawbacks as finance reads them: the city sees both payers' shares, the district its own only.
      const listed = (await http().get(`${base()}/clawbacks`).set(city.headers).expect(200)).body;
      expect(listed.clawbacks).toEqual([
        expect.objectContaining({
          id: response.body.id,
          reasonKind: 'fraud',
          amountFen: 10_001,
          recoveredFen: 5_001,
          status: 'open',
          foundOn: '2024-06-28',
          shares: [
            { payer: 'city', payerName: '市级财政', amountFen: 5_001, recoveredFen: 5_001 },
            { payer: 'district:371002', payerName: expect.stringMatching(/财政$/), amountFen: 5_000, recoveredFen: 0 },
          ],
        }),
      ]);
      const districtListed = (await http().get(`${base()}/clawbacks`).set(huancui.headers).expect(200)).body;
      expect(districtListed.clawbacks.map((c: { shares: Array<{ payer: string }> }) => c.shares.map((share) => share.payer))).toEqual([['district:371002']]);
      const report = (await http().get(`${base()}/report`).set(city.headers).expect(200)).body;
      expect(report.totals).toMatchObject({ paidFen: 310_001, clawedBackFen: 10_001, recoveredFen: 5_001, clawbackOutstandingFen: 5_000 });

      const sanctions = await asSuperuser(db, async (client) => {
        await client.query('begin');
        await client.query(`select set_config('app.tenant_id', 'weihai', true)`);
        const manager = { query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows } as unknown as Parameters<typeof SanctionStore.forOrganization>[0];
        const found = await SanctionStore.forOrganization(manager, orgA.id);
        await client.query('rollback');
        return found;
      });
      expect(sanctions).toEqual([{ kind: 'fraud_ban', on: '2024-06-28' }]);
      // What the eligibility check will see: Weihai bans for five years (第二十六条), so a 2025 application is refused.
      const weihai = policies().versions('weihai').find((p) => p.id === 'weihai-2020')!;
      const later = evaluateWithPolicy(weihai, {
        applicationDate: '2024-12-01',
        programYear: 2024,
        applicants: [{ uscc: orgA.uscc, kind: 'enterprise', district: '环翠区', sanctions, achievements: [nationalStandardLead('a9')] }],
      });
      expect(later.applicants[0].items[0]).toMatchObject({ outcome: 'rejected', reasons: ['sanctioned'] });

      // And through the product: the same organization's next application is priced as sanctioned.
      const nextProgram = await createProgram(db, { tenantId: 'weihai', policyId: 'weihai-2020', year: 2024, status: 'closed' });
      const next = await createApplication(db, {
        tenantId: 'weihai',
        programId: nextProgram.id,
        organizationId: orgA.id,
        districtCode: orgA.districtCode,
        status: 'awaiting_decision',
        submittedAt: new Date('2024-12-01T10:00:00+08:00'),
        achievements: [nationalStandardLead('a9')],
      });
      const estimate = await http().get(`/api/v1/applications/${next.id}/estimate`).set(officer.headers).expect(200);
      expect(JSON.stringify(estimate.body)).toContain('sanctioned');
      expect(estimate.body.totalFen).toBe(0);
      await expect(ledgerOk()).resolves.toMatchObject({ ok: true });

      const xlsx = await http()
        .get(`${base()}/report.xlsx`)
        .set(city.headers)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(xlsx.status).toBe(200);
      const workbook = new Workbook();
      await workbook.xlsx.load(xlsx.body as Buffer);
      const rows = workbook.worksheets[0].getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
      expect(rows[0]).toEqual(['资金来源', '预算', '可用', '已承诺', '已核准', '已支付', '待支付', '追回应收', '已追回', '追回未到账']);
      expect(rows.find((r) => r[0] === '市级财政')).toEqual(['市级财政', 12000, 10449.99, 1550.01, 1550.01, 1550.01, 0, 50.01, 50.01, 0]);
      expect(rows.map((r) => r[0])).toEqual(['资金来源', '市级财政', '环翠区财政', '文登区财政', '合计']);
      expect(rows[rows.length - 1]).toEqual(['合计', 15000, expect.any(Number), 3100.01, 3100.01, 3100.01, 0, 100.01, 50.01, 50]);
    });
  });

  describe('installments and tenant isolation', () => {
    // Guangzhou Huangpu pays a standardization pilot 50% at the start and 50% after acceptance (第十条第（四）项), with
    // no cost share: the whole award falls to the tenant's own finance (payer city).
    const GZ = 'guangzhou-huangpu';
    let gzProgram: string;
    let gzOrg: OrganizationFixture;
    let gzCity: Session;
    let gzOfficer: Session;
    let gzApplication: string;
    const gzBase = () => `/api/v1/finance/programs/${gzProgram}`;

    const gzFinanceRows = async (): Promise<string> =>
      asSuperuser(db, async (client) => {
        const parts: unknown[] = [];
        for (const table of ['ledger_entries', 'ledger_lines', 'ledger_balances', 'finance_shares', 'finance_installments', 'payment_batches', 'payment_batch_lines', 'organization_bank_accounts', 'clawbacks', 'sanctions']) {
          const { rows } = await client.query(`select to_jsonb(t) as row from ${table} t where tenant_id = $1 order by to_jsonb(t)::text`, [GZ]);
          parts.push({ table, rows });
        }
        return JSON.stringify(parts);
      });

    beforeAll(async () => {
      await createPolicyTenant(db, GZ, [{ code: '440112', nameZh: '黄埔区' }]);
      gzOrg = await createOrganization(db, { tenantId: GZ, districtCode: '440112' });
      const handed = await createHandedOverProgram(db, {
        tenantId: GZ,
        policyId: 'guangzhou-huangpu-2020',
        year: 2021,
        applications: [
          {
            organization: gzOrg,
            achievements: [{ id: 'p1', type: 'standardization_pilot', level: 'city', stage: 'started', startedOn: '2021-01-10' }],
            items: [{ achievementId: 'p1', decidedFen: 100_001, article: '第十条第（四）项' }],
            submittedAt: new Date('2021-03-20T10:00:00+08:00'),
          },
        ],
      });
      gzProgram = handed.program.id;
      gzApplication = handed.applicationIds[0];
      gzCity = await login(app, await createUser(db, { tenantId: GZ, role: 'finance_officer', financeLevel: 'city' }));
      gzOfficer = await login(app, await createUser(db, { tenantId: GZ, role: 'program_officer' }));
    });

    it('schedules 50% at the start and 50% after acceptance, and pays each when its condition is met', async () => {
      await http().put(`${gzBase()}/budget`).set(gzCity.headers).set('Idempotency-Key', key()).send({ payer: 'city', amountFen: 1_000_000 }).expect(200);
      const intake = await http().post(`${gzBase()}/intake`).set(gzCity.headers).set('Idempotency-Key', key()).expect(200);
      expect(intake.body.awards[0].shares).toEqual([
        {
          shareId: expect.any(String),
          payer: 'city',
          amountFen: 100_001,
          installments: [
            { seq: 1, condition: 'start', amountFen: 50_001 },
            { seq: 2, condition: 'acceptance', amountFen: 50_000 },
          ],
        },
      ]);
      await http().post(`${gzBase()}/approvals`).set(gzCity.headers).set('Idempotency-Key', key()).send({ payer: 'city', all: true }).expect(200);
      await http()
        .put(`/api/v1/finance/organizations/${gzOrg.id}/bank-account`)
        .set(gzCity.headers)
        .send({ accountName: gzOrg.name, bankName: '中国银行广州开发区分行', accountNo: '6013821900012345' })
        .expect(200);
      const first = await http().post(`${gzBase()}/batches`).set(gzCity.headers).set('Idempotency-Key', key()).send({ payer: 'city' }).expect(201);
      expect(first.body.lines).toEqual([expect.objectContaining({ amountFen: 50_001 })]);
      await http().post(`/api/v1/finance/batches/${first.body.id}/confirm`).set(gzCity.headers).set('Idempotency-Key', key()).send({ bankReference: 'BOC-1' }).expect(200);
      expect((await http().post(`${gzBase()}/batches`).set(gzCity.headers).set('Idempotency-Key', key()).send({ payer: 'city' })).status).toBe(409);

      const [share] = (await http().get(`${gzBase()}/shares`).set(gzCity.headers).expect(200)).body.shares;
      const acceptance = share.installments.find((i: { condition: string }) => i.condition === 'acceptance');
      expect(acceptance.status).toBe('scheduled');
      await http().post(`/api/v1/finance/installments/${acceptance.installmentId}/condition-met`).set(gzCity.headers).send({ note: '2021-11-30 通过验收' }).expect(200);
      expect((await http().post(`/api/v1/finance/installments/${acceptance.installmentId}/condition-met`).set(gzCity.headers).send({ note: 'again' })).status).toBe(409);
      const second = await http().post(`${gzBase()}/batches`).set(gzCity.headers).set('Idempotency-Key', key()).send({ payer: 'city' }).expect(201);
      expect(second.body.lines).toEqual([expect.objectContaining({ amountFen: 50_000, purpose: expect.stringContaining('（验收后拨付）') })]);
      await http().post(`/api/v1/finance/batches/${second.body.id}/confirm`).set(gzCity.headers).set('Idempotency-Key', key()).send({ bankReference: 'BOC-2' }).expect(200);
      const report = (await http().get(`${gzBase()}/report`).set(gzCity.headers).expect(200)).body;
      expect(report.totals).toMatchObject({ budgetFen: 1_000_000, committedFen: 100_001, paidFen: 100_001, outstandingFen: 0 });
    });

    it("refuses every finance endpoint to another tenant's users and leaves its rows unchanged", async () => {
      const [batch] = (await asSuperuser(db, (client) => client.query<{ id: string }>(`select id from payment_batches where tenant_id = $1 limit 1`, [GZ]))).rows;
      const [installment] = (await asSuperuser(db, (client) => client.query<{ id: string }>(`select id from finance_installments where tenant_id = $1 limit 1`, [GZ]))).rows;
      const claw = await http()
        .post('/api/v1/finance/clawbacks')
        .set(gzOfficer.headers)
        .set('Idempotency-Key', key())
        .send({ applicationId: gzApplication, reasonKind: 'unfinished_contract', reason: '未完成合同约定', amountFen: 1_000, foundOn: '2022-01-10' })
        .expect(201);
      expect(claw.body.sanction).toBeNull();
      const before = await gzFinanceRows();
      const k = () => ({ 'Idempotency-Key': key() });
      const attempts: Array<[string, () => request.Test]> = [
        ['put budget', () => http().put(`${gzBase()}/budget`).set(city.headers).set(k()).send({ payer: 'city', amountFen: 1 })],
        ['post intake', () => http().post(`${gzBase()}/intake`).set(city.headers).set(k())],
        ['get shares', () => http().get(`${gzBase()}/shares`).set(city.headers)],
        ['post approvals', () => http().post(`${gzBase()}/approvals`).set(city.headers).set(k()).send({ payer: 'city', all: true })],
        ['get report', () => http().get(`${gzBase()}/report`).set(city.headers)],
        ['get report.xlsx', () => http().get(`${gzBase()}/report.xlsx`).set(city.headers)],
        ['post batches', () => http().post(`${gzBase()}/batches`).set(city.headers).set(k()).send({ payer: 'city' })],
        ['get batches', () => http().get(`${gzBase()}/batches`).set(city.headers)],
        ['get clawbacks', () => http().get(`${gzBase()}/clawbacks`).set(city.headers)],
        ['get batch', () => http().get(`/api/v1/finance/batches/${batch.id}`).set(city.headers)],
        ['get export', () => http().get(`/api/v1/finance/batches/${batch.id}/export.xlsx`).set(city.headers)],
        ['post confirm', () => http().post(`/api/v1/finance/batches/${batch.id}/confirm`).set(city.headers).set(k()).send({ bankReference: 'x' })],
        ['post account-confirmations', () => http().post(`/api/v1/finance/batches/${batch.id}/account-confirmations`).set(city.headers).set(k()).send({ lineNo: 1, accountNo: '6013821900012345', note: 'x' })],
        ['post condition-met', () => http().post(`/api/v1/finance/installments/${installment.id}/condition-met`).set(city.headers).send({ note: 'x' })],
        ['put bank-account', () => http().put(`/api/v1/finance/organizations/${gzOrg.id}/bank-account`).set(city.headers).send({ accountName: 'x', bankName: 'x', accountNo: '123456789' })],
        ['post clawbacks', () => http().post('/api/v1/finance/clawbacks').set(officer.headers).set(k()).send({ applicationId: gzApplication, reasonKind: 'fraud', reason: 'x', amountFen: 1, foundOn: '2022-01-10' })],
        ['post recoveries', () => http().post(`/api/v1/finance/clawbacks/${claw.body.id}/recoveries`).set(city.headers).set(k()).send({ payer: 'city', amountFen: 1 })],
      ];
      const unexpected: string[] = [];
      for (const [name, run] of attempts) {
        const response = await run();
        if (response.status !== 404) unexpected.push(`${name}: ${response.status} ${JSON.stringify(response.body)}`);
      }
      expect(unexpected).toEqual([]);
      expect(await gzFinanceRows()).toBe(before);
    });
  });

  it('documents every finance route in the OpenAPI document', async () => {
    const doc = await http().get('/api/docs/openapi.json').expect(200);
    const routes = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`))
      .filter((route) => route.includes('/finance/'))
      .sort();
    expect(routes).toEqual([
      'get /api/v1/finance/batches/{id}',
      'get /api/v1/finance/batches/{id}/export.xlsx',
      'get /api/v1/finance/programs/{id}/batches',
      'get /api/v1/finance/programs/{id}/budget/handed-over',
      'get /api/v1/finance/programs/{id}/clawbacks',
      'get /api/v1/finance/programs/{id}/evaluation-list',
      'get /api/v1/finance/programs/{id}/evaluation-list.xlsx',
      'get /api/v1/finance/programs/{id}/report',
      'get /api/v1/finance/programs/{id}/report.xlsx',
      'get /api/v1/finance/programs/{id}/shares',
      'get /api/v1/finance/revenue-sharing',
      'post /api/v1/finance/batches/{id}/account-confirmations',
      'post /api/v1/finance/batches/{id}/confirm',
      'post /api/v1/finance/clawbacks',
      'post /api/v1/finance/clawbacks/{id}/recoveries',
      'post /api/v1/finance/fund-use-reports/{id}/receipt',
      'post /api/v1/finance/installments/{id}/condition-met',
      'post /api/v1/finance/programs/{id}/approvals',
      'post /api/v1/finance/programs/{id}/batches',
      'post /api/v1/finance/programs/{id}/batches/release',
      'post /api/v1/finance/programs/{id}/intake',
      'put /api/v1/finance/organizations/{id}/bank-account',
      'put /api/v1/finance/programs/{id}/budget',
      'put /api/v1/finance/programs/{id}/budget/handed-over',
      'put /api/v1/finance/revenue-sharing/{districtCode}',
    ]);
  });

  it('is wired through FinanceModule', () => {
    expect(app.get(FinanceModule)).toBeInstanceOf(FinanceModule);
  });
});
