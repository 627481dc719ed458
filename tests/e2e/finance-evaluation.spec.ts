import { INestApplication } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import { Workbook } from 'exceljs';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { asSuperuser, createOrganization, createUser, login, OrganizationFixture, Session } from '../support/factories';
import { createHandedOverProgram, createPolicyTenant, createWeihaiPayout } from '../support/factories/finance';
import { createTestDatabase, TestDatabase } from '../support/test-database';

interface BatchBody {
  id: string;
  lines: Array<{ lineNo: number; payeeName: string }>;
}
interface ListItem {
  reportId: string;
  awardeeName: string;
  creditCode: string;
  districtCode: string;
  districtName: string;
  achievementId: string;
  article: string | null;
  paidFen: number;
  paidOn: string;
  dueOn: string;
  status: string;
  receivedOn: string | null;
}

/**
 * 绩效评价名单 over HTTP: Weihai splits each award 1:1 between city and district finance. Award A is first paid on
 * 2024-07-01 (city), award B's city line fails that day and is paid on 2024-08-15; each district pays later. The
 * report is due 12 months after the first confirmed payment of an award.
 */
describe('finance use-of-funds evaluation list', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let programId: string;
  let orgA: OrganizationFixture;
  let orgB: OrganizationFixture;
  let city: Session;
  let huancui: Session;
  let wendeng: Session;
  let officer: Session;
  let reviewer: Session;
  let otherTenantCity: Session;
  let keyNo = 0;
  const key = (): string => `evaluation-key-${++keyNo}-${Date.now()}`;
  const clock = new ManualClock(new Date('2024-07-01T10:00:00+08:00'));
  const http = () => request(app.getHttpServer());
  const base = () => `/api/v1/finance/programs/${programId}`;
  const list = async (session: Session, query = ''): Promise<ListItem[]> => {
    const response = await http().get(`${base()}/evaluation-list${query}`).set(session.headers);
    expect(response.status).toBe(200);
    return response.body.items as ListItem[];
  };
  const byName = (items: ListItem[], org: OrganizationFixture): ListItem => items.find((i) => i.awardeeName === org.name)!;
  const payBatch = async (session: Session, payer: string, failed: string[] = []): Promise<void> => {
    const created = await http().post(`${base()}/batches`).set(session.headers).set('Idempotency-Key', key()).send({ payer });
    expect(created.status).toBe(201);
    const batch = created.body as BatchBody;
    const lines = batch.lines.map((l) => ({ lineNo: l.lineNo, outcome: failed.includes(l.payeeName) ? 'failed' : 'paid' }));
    const confirmed = await http().post(`/api/v1/finance/batches/${batch.id}/confirm`).set(session.headers).set('Idempotency-Key', key()).send({ bankReference: `REF-${payer}-${keyNo}`, lines });
    expect(confirmed.status).toBe(200);
  };
  const reports = async (): Promise<Array<{ organization_id: string; paid_on: string; due_on: string }>> =>
    (
      await asSuperuser(db, (client) =>
        client.query(`select organization_id, to_char(paid_on, 'YYYY-MM-DD') as paid_on, to_char(due_on, 'YYYY-MM-DD') as due_on from fund_use_reports where tenant_id = 'weihai' order by paid_on`),
      )
    ).rows;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config, { clock });
    const payout = await createWeihaiPayout(db, {
      orgA: [{ achievementId: 'a1', decidedFen: 10_001 }],
      orgB: [{ achievementId: 'b1', decidedFen: 300_000, article: '第七条' }],
    });
    ({ orgA, orgB, programId } = payout);
    city = await login(app, await createUser(db, { tenantId: 'weihai', role: 'finance_officer', financeLevel: 'city' }));
    huancui = await login(app, await createUser(db, { tenantId: 'weihai', role: 'finance_officer', financeLevel: 'district', districtCode: '371002' }));
    wendeng = await login(app, await createUser(db, { tenantId: 'weihai', role: 'finance_officer', financeLevel: 'district', districtCode: '371003' }));
    officer = await login(app, await createUser(db, { tenantId: 'weihai', role: 'program_officer' }));
    reviewer = await login(app, await createUser(db, { tenantId: 'weihai', role: 'district_reviewer', districtCode: '371002' }));
    await createPolicyTenant(db, 'guangzhou-huangpu', [{ code: '440112', nameZh: '黄埔区' }]);
    otherTenantCity = await login(app, await createUser(db, { tenantId: 'guangzhou-huangpu', role: 'finance_officer', financeLevel: 'city' }));

    for (const [session, payer, amountFen] of [
      [city, 'city', 1_000_000],
      [huancui, 'district:371002', 100_000],
      [wendeng, 'district:371003', 200_000],
    ] as const) {
      await http().put(`${base()}/budget`).set(session.headers).set('Idempotency-Key', key()).send({ payer, amountFen }).expect(200);
    }
    await http().post(`${base()}/intake`).set(city.headers).set('Idempotency-Key', key()).expect(200);
    for (const [session, payer] of [
      [city, 'city'],
      [huancui, 'district:371002'],
      [wendeng, 'district:371003'],
    ] as const) {
      await http().post(`${base()}/approvals`).set(session.headers).set('Idempotency-Key', key()).send({ payer, all: true }).expect(200);
    }
    await http().put(`/api/v1/finance/organizations/${orgA.id}/bank-account`).set(city.headers).send({ accountName: orgA.name, bankName: '中国工商银行威海分行', accountNo: '6222021614001234567' }).expect(200);
    await http().put(`/api/v1/finance/organizations/${orgB.id}/bank-account`).set(city.headers).send({ accountName: orgB.name, bankName: '中国建设银行文登支行', accountNo: '6217001234000098765' }).expect(200);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('creates the obligation when an award is first confirmed paid, due 12 months after that day', async () => {
    expect(await reports()).toEqual([]);
    await payBatch(city, 'city', [orgB.name]);
    expect(await reports()).toEqual([{ organization_id: orgA.id, paid_on: '2024-07-01', due_on: '2025-07-01' }]);

    clock.set(new Date('2024-08-15T09:00:00+08:00'));
    await payBatch(city, 'city');
    await payBatch(huancui, 'district:371002');
    await payBatch(wendeng, 'district:371003');
    // A's later district payment leaves its obligation as the first payment fixed it.
    expect(await reports()).toEqual([
      { organization_id: orgA.id, paid_on: '2024-07-01', due_on: '2025-07-01' },
      { organization_id: orgB.id, paid_on: '2024-08-15', due_on: '2025-08-15' },
    ]);
  });

  it('lists each awardee with its award, what was paid and when its report is due, judged at CST today by default', async () => {
    const items = await list(city);
    expect(items).toHaveLength(2);
    expect(byName(items, orgA)).toMatchObject({
      creditCode: orgA.uscc,
      districtCode: '371002',
      districtName: '环翠区',
      achievementId: 'a1',
      article: '第六条',
      paidFen: 10_001,
      paidOn: '2024-07-01',
      dueOn: '2025-07-01',
      status: 'due',
      receivedOn: null,
    });
    expect(byName(items, orgB)).toMatchObject({ districtName: '文登区', article: '第七条', paidFen: 300_000, dueOn: '2025-08-15', status: 'due' });
    expect((await list(officer)).length).toBe(2);
    expect((await http().get(`${base()}/evaluation-list`).set(reviewer.headers)).status).toBe(403);
  });

  it('tells due from overdue by the dueBy date and filters by status', async () => {
    const items = await list(city, '?dueBy=2025-07-20');
    expect(byName(items, orgA).status).toBe('overdue');
    expect(byName(items, orgB).status).toBe('due');
    expect((await list(city, '?dueBy=2025-07-01')).map((i) => i.status)).toEqual(['due', 'due']);
    expect((await list(city, '?dueBy=2025-07-20&status=overdue')).map((i) => i.awardeeName)).toEqual([orgA.name]);
    expect((await list(city, '?dueBy=2025-07-20&status=due')).map((i) => i.awardeeName)).toEqual([orgB.name]);
    const badDate = await http().get(`${base()}/evaluation-list?dueBy=2025-02-30`).set(city.headers);
    expect(badDate.status).toBe(400);
    expect(badDate.body.details[0].path).toBe('dueBy');
    const badStatus = await http().get(`${base()}/evaluation-list?status=late`).set(city.headers);
    expect(badStatus.status).toBe(400);
    expect(JSON.stringify(badStatus.body)).toContain('status');
  });

  it("shows a district finance officer only its own payer's awardees", async () => {
    expect((await list(huancui)).map((i) => i.awardeeName)).toEqual([orgA.name]);
    expect((await list(wendeng)).map((i) => i.awardeeName)).toEqual([orgB.name]);
    const reportA = byName(await list(city), orgA).reportId;
    const foreign = await http().post(`/api/v1/finance/fund-use-reports/${reportA}/receipt`).set(wendeng.headers).send({ receivedOn: '2025-06-20' });
    expect(foreign.status).toBe(404);
  });

  it('records a received report once, audited, and lists it as received', async () => {
    const reportA = byName(await list(city), orgA).reportId;
    const early = await http().post(`/api/v1/finance/fund-use-reports/${reportA}/receipt`).set(officer.headers).send({ receivedOn: '2024-06-30' });
    expect(early.status).toBe(400);
    expect(early.body.details[0].path).toBe('receivedOn');
    const bad = await http().post(`/api/v1/finance/fund-use-reports/${reportA}/receipt`).set(officer.headers).send({ receivedOn: '20250620' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('receivedOn');

    const response = await http().post(`/api/v1/finance/fund-use-reports/${reportA}/receipt`).set(officer.headers).send({ receivedOn: '2025-06-20', note: '含专项审计报告' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ reportId: reportA, dueOn: '2025-07-01', receivedOn: '2025-06-20', note: '含专项审计报告' });
    const again = await http().post(`/api/v1/finance/fund-use-reports/${reportA}/receipt`).set(city.headers).send({ receivedOn: '2025-06-21' });
    expect(again.status).toBe(409);

    const audit = await asSuperuser(db, (client) => client.query(`select action, data from audit_log where tenant_id = 'weihai' and entity_id = $1`, [reportA]));
    expect(audit.rows).toEqual([{ action: 'finance.fund-use-report-received', data: expect.objectContaining({ receivedOn: '2025-06-20', dueOn: '2025-07-01' }) }]);

    const items = await list(city, '?dueBy=2025-07-20');
    expect(byName(items, orgA)).toMatchObject({ status: 'received', receivedOn: '2025-06-20' });
    expect((await list(city, '?dueBy=2025-07-20&status=received')).map((i) => i.awardeeName)).toEqual([orgA.name]);
    expect((await list(city, '?dueBy=2025-07-20&status=overdue')).length).toBe(0);
  });

  it("answers another tenant's finance officer 404 and leaves the reports unchanged", async () => {
    const before = await asSuperuser(db, (client) => client.query(`select to_jsonb(r)::text as row from fund_use_reports r order by id`));
    const reportB = byName(await list(city), orgB).reportId;
    expect((await http().get(`${base()}/evaluation-list`).set(otherTenantCity.headers)).status).toBe(404);
    expect((await http().get(`${base()}/evaluation-list.xlsx`).set(otherTenantCity.headers)).status).toBe(404);
    const receipt = await http().post(`/api/v1/finance/fund-use-reports/${reportB}/receipt`).set(otherTenantCity.headers).send({ receivedOn: '2025-06-20' });
    expect(receipt.status).toBe(404);
    const after = await asSuperuser(db, (client) => client.query(`select to_jsonb(r)::text as row from fund_use_reports r order by id`));
    expect(after.rows).toEqual(before.rows);
  });

  it('exports the list as a spreadsheet that parses back, yuan as numeric cells', async () => {
    const file = await http()
      .get(`${base()}/evaluation-list.xlsx?dueBy=2025-08-20`)
      .set(city.headers)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const workbook = new Workbook();
    await workbook.xlsx.load(file.body as Buffer);
    const rows = workbook.worksheets[0]
      .getSheetValues()
      .filter(Boolean)
      .map((row) => (row as unknown[]).slice(1));
    expect(rows[0]).toEqual(['受资助单位', '统一社会信用代码', '所属区县', '资助事项', '依据条款', '已拨付金额（元）', '拨付日期', '报告截止日期', '状态', '报告收到日期']);
    expect(rows.find((r) => r[0] === orgA.name)).toEqual([orgA.name, orgA.uscc, '环翠区', 'GB/T 40001-2023', '第六条', 100.01, '2024-07-01', '2025-07-01', '已报告', '2025-06-20']);
    expect(rows.find((r) => r[0] === orgB.name)).toEqual([orgB.name, orgB.uscc, '文登区', 'GB/T 40001-2023', '第七条', 3000, '2024-08-15', '2025-08-15', '逾期未报告', '']);
  });
});
