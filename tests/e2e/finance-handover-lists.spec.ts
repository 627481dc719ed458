import { INestApplication } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import { CellValue, ValueType, Workbook, Worksheet } from 'exceljs';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { asSuperuser, createOrganization, createUser, login, nationalStandardLead, OrganizationFixture, Session } from '../support/factories';
import { createHandedOverProgram, createPolicyTenant } from '../support/factories/finance';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const INTERNAL_PAYER = /^(city|matching)$|district:/;

/**
 * Finance without retyping (issue 13): the budget the program officer set reaches finance with the hand-over (confirmed
 * as is, or changed with a reason), and every list and spreadsheet finance hands out names the decided standard (never
 * an internal id), the payer in Chinese, and amounts as numeric cells. Weihai splits each award 1:1 city:district.
 * Awardee B's achievement id is a UUID, so a leaked id would show.
 */
describe('finance takes the handed-over budget and writes readable lists (HTTP)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let programId: string;
  let orgA: OrganizationFixture;
  let orgB: OrganizationFixture;
  let city: Session;
  let huancui: Session;
  let keyNo = 0;
  const achievementB = randomUUID();
  const key = (): string => `handover-lists-${++keyNo}-${Date.now()}`;
  const clock = new ManualClock(new Date('2024-07-01T10:00:00+08:00'));
  const http = () => request(app.getHttpServer());
  const base = () => `/api/v1/finance/programs/${programId}`;

  const auditOf = (action: string) =>
    asSuperuser(db, async (client) => (await client.query(`select reason, data from audit_log where entity_id = $1 and action = $2 order by seq`, [programId, action])).rows as Array<{ reason: string | null; data: Record<string, unknown> }>);

  const xlsx = async (path: string): Promise<Worksheet> => {
    const file = await http()
      .get(path)
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
    return workbook.worksheets[0];
  };

  /** Every cell below the header: no internal id or payer code; the amount columns numeric yuan in the 0.00 format. */
  const expectReadable = (sheet: Worksheet, amountColumns: number[]): void => {
    const texts: string[] = [];
    sheet.eachRow((row, rowNo) => {
      row.eachCell((cell, col) => {
        texts.push(String(cell.value as CellValue));
        if (rowNo > 1 && amountColumns.includes(col)) {
          expect([rowNo, col, cell.type, cell.numFmt]).toEqual([rowNo, col, ValueType.Number, '0.00']);
        }
      });
    });
    expect(texts.filter((t) => UUID.test(t) || INTERNAL_PAYER.test(t))).toEqual([]);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config, { clock });
    await createPolicyTenant(db, 'weihai', [
      { code: '371002', nameZh: '环翠区' },
      { code: '371003', nameZh: '文登区' },
    ]);
    orgA = await createOrganization(db, { tenantId: 'weihai', districtCode: '371002' });
    orgB = await createOrganization(db, { tenantId: 'weihai', districtCode: '371003' });
    const handed = await createHandedOverProgram(db, {
      tenantId: 'weihai',
      policyId: 'weihai-2020',
      applications: [
        { organization: orgA, items: [{ achievementId: 'a1', decidedFen: 10_001 }] },
        { organization: orgB, achievements: [{ ...nationalStandardLead('b2'), id: achievementB }], items: [{ achievementId: achievementB, decidedFen: 300_000, article: '第七条' }] },
      ],
    });
    programId = handed.program.id;
    await asSuperuser(db, async (client) => {
      // The program officer's budget, and A's item as the decision snapshots it (policy label and standard number).
      await client.query(`update programs set budget_total_fen = 2000000 where id = $1`, [programId]);
      await client.query(`update decision_items set policy_label = '主导制定国家标准', standard_no = 'GB/T 40001-2023', achievement_label = 'GB/T 40001-2023' where application_id = $1`, [
        handed.applicationIds[0],
      ]);
    });
    city = await login(app, await createUser(db, { tenantId: 'weihai', role: 'finance_officer', financeLevel: 'city' }));
    huancui = await login(app, await createUser(db, { tenantId: 'weihai', role: 'finance_officer', financeLevel: 'district', districtCode: '371002' }));
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('the handed-over budget', () => {
    it("is pre-filled from the program for city finance, and is not a district officer's to confirm", async () => {
      const view = await http().get(`${base()}/budget/handed-over`).set(city.headers).expect(200);
      expect(view.body).toEqual({ programId, payer: 'city', payerName: '市级财政', handedOverFen: 2_000_000, budgetFen: 0, availableFen: 0 });
      expect((await http().get(`${base()}/budget/handed-over`).set(huancui.headers)).status).toBe(403);
      expect((await http().put(`${base()}/budget/handed-over`).set(huancui.headers).set('Idempotency-Key', key()).send({})).status).toBe(403);
    });

    it('refuses another figure without a reason, naming the field, and changes nothing', async () => {
      for (const body of [{ amountFen: 1_800_000 }, { amountFen: 1_800_000, reason: '   ' }]) {
        const refused = await http().put(`${base()}/budget/handed-over`).set(city.headers).set('Idempotency-Key', key()).send(body);
        expect([refused.status, refused.body.code, refused.body.details[0].path]).toEqual([422, 'budget_change_reason_required', 'reason']);
      }
      const bad = await http().put(`${base()}/budget/handed-over`).set(city.headers).set('Idempotency-Key', key()).send({ amountFen: -1, reason: 'x' });
      expect([bad.status, bad.body.details[0].path]).toEqual([400, 'amountFen']);
      expect((await http().get(`${base()}/budget/handed-over`).set(city.headers).expect(200)).body.budgetFen).toBe(0);
      expect(await auditOf('finance.handed-over-budget-changed')).toEqual([]);
    });

    it('confirms the handed-over figure as is, without retyping it', async () => {
      const confirmed = await http().put(`${base()}/budget/handed-over`).set(city.headers).set('Idempotency-Key', key()).send({});
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toMatchObject({ payer: 'city', payerName: '市级财政', handedOverFen: 2_000_000, budgetFen: 2_000_000, availableFen: 2_000_000, changed: false, reason: null });
      const [audit] = await auditOf('finance.handed-over-budget-confirmed');
      expect(audit.data).toEqual({ payer: 'city', handedOverFen: '2000000', fromFen: '0', toFen: '2000000' });
    });

    it('sets another figure with a reason, audited with the handed-over one', async () => {
      const reason = '市财政局预算批复：本年度安排180万元';
      const changed = await http().put(`${base()}/budget/handed-over`).set(city.headers).set('Idempotency-Key', key()).send({ amountFen: 1_800_000, reason });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ handedOverFen: 2_000_000, budgetFen: 1_800_000, changed: true, reason });
      expect(await auditOf('finance.handed-over-budget-changed')).toEqual([
        { reason, data: { payer: 'city', handedOverFen: '2000000', fromFen: '2000000', toFen: '1800000' } },
      ]);
      const report = await http().get(`${base()}/report`).set(city.headers).expect(200);
      expect(report.body.payers).toEqual([expect.objectContaining({ payer: 'city', payerName: '市级财政', budgetFen: 1_800_000 })]);
    });
  });

  describe('lists and spreadsheets', () => {
    let batchId: string;

    beforeAll(async () => {
      for (const payer of ['district:371002', 'district:371003']) {
        await http().put(`${base()}/budget`).set(city.headers).set('Idempotency-Key', key()).send({ payer, amountFen: 500_000 }).expect(200);
      }
      const intake = await http().post(`${base()}/intake`).set(city.headers).set('Idempotency-Key', key()).expect(200);
      expect(intake.body.awards.map((a: { itemLabel: string }) => a.itemLabel).sort()).toEqual(['GB/T 40002-2023', '主导制定国家标准（GB/T 40001-2023）'].sort());
      await http().post(`${base()}/approvals`).set(city.headers).set('Idempotency-Key', key()).send({ payer: 'city', all: true }).expect(200);
      for (const [org, accountNo] of [
        [orgA, '6222021614001234567'],
        [orgB, '6217001234000098765'],
      ] as const) {
        await http().put(`/api/v1/finance/organizations/${org.id}/bank-account`).set(city.headers).send({ accountName: org.name, bankName: '中国工商银行威海分行', accountNo }).expect(200);
      }
      const batch = await http().post(`${base()}/batches`).set(city.headers).set('Idempotency-Key', key()).send({ payer: 'city' }).expect(201);
      batchId = batch.body.id;
    });

    it('names the standard in every payment purpose and the payer in Chinese', async () => {
      const batch = (await http().get(`/api/v1/finance/batches/${batchId}`).set(city.headers).expect(200)).body;
      expect(batch.payerName).toBe('市级财政');
      const purposes = new Map<string, string>(batch.lines.map((l: { payeeName: string; purpose: string }) => [l.payeeName, l.purpose]));
      expect(purposes.get(orgA.name)).toBe('2024年度标准化资助 主导制定国家标准（GB/T 40001-2023）');
      expect(purposes.get(orgB.name)).toBe('2024年度标准化资助 GB/T 40002-2023');
      expect(JSON.stringify(batch.lines.map((l: { purpose: string }) => l.purpose))).not.toMatch(UUID);

      const shares = (await http().get(`${base()}/shares`).set(city.headers).expect(200)).body.shares as Array<{ itemLabel: string; payerName: string; organizationName: string }>;
      expect(shares.map((s) => [s.organizationName, s.itemLabel, s.payerName]).sort()).toEqual(
        [
          [orgA.name, '主导制定国家标准（GB/T 40001-2023）', '市级财政'],
          [orgA.name, '主导制定国家标准（GB/T 40001-2023）', '环翠区财政'],
          [orgB.name, 'GB/T 40002-2023', '市级财政'],
          [orgB.name, 'GB/T 40002-2023', '文登区财政'],
        ].sort(),
      );
    });

    it('writes the treasury sheet with numeric yuan, the standard in the purpose, and no internal id', async () => {
      const sheet = await xlsx(`/api/v1/finance/batches/${batchId}/export.xlsx`);
      expect(sheet.name).toBe('支付清单（市级财政）');
      expectReadable(sheet, [6]);
      const rows = sheet.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
      expect(rows.find((r) => r[1] === orgA.name)!.slice(5, 7)).toEqual([50.01, '2024年度标准化资助 主导制定国家标准（GB/T 40001-2023）']);
      expect(rows.find((r) => r[1] === orgB.name)!.slice(5, 7)).toEqual([1500, '2024年度标准化资助 GB/T 40002-2023']);
      expect(rows[rows.length - 1].slice(0, 6)).toEqual(['合计', '', '', '', '', 1550.01]);
    });

    it('writes the report by Chinese payer names with numeric yuan', async () => {
      const report = (await http().get(`${base()}/report`).set(city.headers).expect(200)).body;
      expect(report.payers.map((p: { payerName: string }) => p.payerName)).toEqual(['市级财政', '环翠区财政', '文登区财政']);
      const sheet = await xlsx(`${base()}/report.xlsx`);
      expectReadable(sheet, [2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const rows = sheet.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
      expect(rows.slice(1).map((r) => r[0])).toEqual(['市级财政', '环翠区财政', '文登区财政', '合计']);
      expect(rows[1].slice(0, 4)).toEqual(['市级财政', 18000, 16449.99, 1550.01]);
    });

    it('names the standard in the evaluation list and writes its amounts as numbers', async () => {
      await http().post(`/api/v1/finance/batches/${batchId}/confirm`).set(city.headers).set('Idempotency-Key', key()).send({ bankReference: 'ICBC-20240701-001' }).expect(200);
      const list = (await http().get(`${base()}/evaluation-list`).set(city.headers).expect(200)).body;
      expect(list.items.map((i: { awardeeName: string; itemLabel: string }) => [i.awardeeName, i.itemLabel]).sort()).toEqual(
        [
          [orgA.name, '主导制定国家标准（GB/T 40001-2023）'],
          [orgB.name, 'GB/T 40002-2023'],
        ].sort(),
      );
      const sheet = await xlsx(`${base()}/evaluation-list.xlsx`);
      expectReadable(sheet, [6]);
      const rows = sheet.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
      expect(rows.find((r) => r[0] === orgB.name)!.slice(2, 6)).toEqual(['文登区', 'GB/T 40002-2023', '第七条', 1500]);
    });
  });
});
