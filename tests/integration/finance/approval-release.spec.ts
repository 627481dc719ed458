import { INestApplication } from '@nestjs/common';
import { verifyLedger } from '@subsidy/finance';
import request from 'supertest';
import { createApp } from '../../../apps/api/src/create-app';
import { asSuperuser, createOrganization, createUser, login, Session } from '../../support/factories';
import { createHandedOverProgram, createPolicyTenant } from '../../support/factories/finance';
import { createTestDatabase, TestDatabase } from '../../support/test-database';


interface ShareRow {
  shareId: string;
  payer: string;
  amountFen: number;
  status: string;
  installments: Array<{ status: string }>;
}

/** What is held back stays committed; what is released gives its money back to the payer's budget, by a new entry. */
describe('holding back and releasing shares', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let city: Session;
  let programId: string;
  let n = 0;
  const key = () => `release-${++n}-${Date.now()}`;
  const http = () => request(app.getHttpServer());
  const decide = (items: Array<{ shareId: string; action: string; reason?: string }>) =>
    http().post(`/api/v1/finance/programs/${programId}/approvals`).set(city.headers).set('Idempotency-Key', key()).send({ payer: 'city', items });
  const cityShares = async (): Promise<ShareRow[]> =>
    ((await http().get(`/api/v1/finance/programs/${programId}/shares`).set(city.headers).expect(200)).body.shares as ShareRow[]).filter((s) => s.payer === 'city');
  const cityFigures = async () =>
    ((await http().get(`/api/v1/finance/programs/${programId}/report`).set(city.headers).expect(200)).body.payers as Array<{ payer: string; availableFen: number; committedFen: number; approvedFen: number }>).find(
      (p) => p.payer === 'city',
    )!;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config);
    await createPolicyTenant(db, 'weihai', [{ code: '371002', nameZh: '环翠区' }]);
    const orgs = [await createOrganization(db, { tenantId: 'weihai', districtCode: '371002' }), await createOrganization(db, { tenantId: 'weihai', districtCode: '371002' })];
    const handed = await createHandedOverProgram(db, {
      tenantId: 'weihai',
      policyId: 'weihai-2020',
      applications: orgs.map((organization, i) => ({ organization, items: [{ achievementId: `a${i + 1}`, decidedFen: 40_000 * (i + 1) }] })),
    });
    programId = handed.program.id;
    city = await login(app, await createUser(db, { tenantId: 'weihai', role: 'finance_officer', financeLevel: 'city' }));
    const district = await login(app, await createUser(db, { tenantId: 'weihai', role: 'finance_officer', financeLevel: 'district', districtCode: '371002' }));
    await http().put(`/api/v1/finance/programs/${programId}/budget`).set(city.headers).set('Idempotency-Key', key()).send({ payer: 'city', amountFen: 100_000 }).expect(200);
    await http().put(`/api/v1/finance/programs/${programId}/budget`).set(district.headers).set('Idempotency-Key', key()).send({ payer: 'district:371002', amountFen: 100_000 }).expect(200);
    await http().post(`/api/v1/finance/programs/${programId}/intake`).set(city.headers).set('Idempotency-Key', key()).expect(200);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('refuses a share that is not the payer’s, naming the item', async () => {
    const response = await decide([{ shareId: '00000000-0000-4000-8000-000000000000', action: 'approve' }]);
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ path: 'items[0].shareId', message: '本项目中没有该资金份额' }]);
  });

  it('keeps a held share committed, and a release gives its money back to the budget', async () => {
    const [small, large] = (await cityShares()).sort((x, y) => x.amountFen - y.amountFen);
    expect([small.amountFen, large.amountFen]).toEqual([20_000, 40_000]);
    expect(await cityFigures()).toMatchObject({ availableFen: 40_000, committedFen: 60_000 });

    await decide([{ shareId: large.shareId, action: 'hold', reason: '待核实合同' }]).expect(200);
    expect(await cityFigures()).toMatchObject({ availableFen: 40_000, committedFen: 60_000, approvedFen: 0 });

    const released = await decide([{ shareId: large.shareId, action: 'release', reason: '合同未履行，不予拨付' }]);
    expect(released.body.released).toEqual([{ shareId: large.shareId, amountFen: 40_000, reason: '合同未履行，不予拨付' }]);
    expect(await cityFigures()).toMatchObject({ availableFen: 80_000, committedFen: 20_000 });
    const shares = await cityShares();
    expect(shares.find((s) => s.shareId === large.shareId)).toMatchObject({ status: 'released', installments: [{ status: 'cancelled' }] });

    const again = await decide([{ shareId: large.shareId, action: 'approve' }]);
    expect(again.status).toBe(409);
    await decide([{ shareId: small.shareId, action: 'approve' }]).expect(200);
    expect((await decide([{ shareId: small.shareId, action: 'release', reason: 'too late' }])).status).toBe(409);
    expect(await cityFigures()).toMatchObject({ availableFen: 80_000, committedFen: 20_000, approvedFen: 20_000 });

    const { rows } = await asSuperuser(db, (client) =>
      client.query<{ kind: string; n: number }>(`select kind, count(*)::int as n from ledger_entries where program_id = $1 group by kind order by kind`, [programId]),
    );
    expect(rows).toEqual([
      { kind: 'award_committed', n: 4 },
      { kind: 'budget_allocated', n: 2 },
      { kind: 'commitment_released', n: 1 },
      { kind: 'share_approved', n: 1 },
    ]);
    const client = await db.appRole();
    try {
      await client.query('begin');
      await client.query(`select set_config('app.tenant_id', 'weihai', true)`);
      await expect(verifyLedger(async (sql: string) => (await client.query(sql)).rows as unknown[])).resolves.toMatchObject({ ok: true });
      await client.query('rollback');
    } finally {
      await client.end();
    }
  });
});
