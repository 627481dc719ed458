import { INestApplication } from '@nestjs/common';
import { verifyLedger } from '@subsidy/finance';
import request from 'supertest';
import { createApp } from '../../../apps/api/src/create-app';
import { asSuperuser, createOrganization, createUser, login, Session } from '../../support/factories';
import { createHandedOverProgram, createPolicyTenant } from '../../support/factories/finance';
import { createTestDatabase, TestDatabase } from '../../support/test-database';


/** Money-moving requests racing each other: the budget row locks must serialize them so no fen is committed twice. */
describe('commitments under concurrency', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let city: Session;
  let huancui: Session;
  let n = 0;
  const key = () => `race-${++n}-${Date.now()}`;
  const http = () => request(app.getHttpServer());

  const newProgram = async (decidedFen: number): Promise<string> => {
    const org = await createOrganization(db, { tenantId: 'weihai', districtCode: '371002' });
    const handed = await createHandedOverProgram(db, { tenantId: 'weihai', policyId: 'weihai-2020', applications: [{ organization: org, items: [{ achievementId: 'a1', decidedFen }] }] });
    return handed.program.id;
  };
  const setBudget = (session: Session, programId: string, payer: string, amountFen: number) =>
    http().put(`/api/v1/finance/programs/${programId}/budget`).set(session.headers).set('Idempotency-Key', key()).send({ payer, amountFen });
  const intake = (programId: string) => http().post(`/api/v1/finance/programs/${programId}/intake`).set(city.headers).set('Idempotency-Key', key());
  const ledger = async () => {
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
    app = await createApp(db.config);
    await createPolicyTenant(db, 'weihai', [{ code: '371002', nameZh: '环翠区' }]);
    city = await login(app, await createUser(db, { tenantId: 'weihai', role: 'finance_officer', financeLevel: 'city' }));
    huancui = await login(app, await createUser(db, { tenantId: 'weihai', role: 'finance_officer', financeLevel: 'district', districtCode: '371002' }));
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('takes a program in once when two intakes race', async () => {
    const programId = await newProgram(20_000);
    await setBudget(city, programId, 'city', 50_000).expect(200);
    await setBudget(huancui, programId, 'district:371002', 50_000).expect(200);
    const responses = await Promise.all([intake(programId), intake(programId), intake(programId)]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const { rows } = await asSuperuser(db, (client) => client.query(`select count(*)::int as n from finance_shares where program_id = $1`, [programId]));
    expect(rows[0].n).toBe(2);
    await expect(ledger()).resolves.toMatchObject({ ok: true });
  });

  it('never lets a budget cut and an intake both succeed when together they would overdraw the budget', async () => {
    for (let round = 0; round < 4; round++) {
      const programId = await newProgram(20_000);
      await setBudget(city, programId, 'city', 10_000).expect(200);
      await setBudget(huancui, programId, 'district:371002', 10_000).expect(200);
      const [cut, taken] = await Promise.all([setBudget(huancui, programId, 'district:371002', 9_999), intake(programId)]);
      expect([cut.status, taken.status].sort()).toEqual([200, 409]);
      const report = (await http().get(`/api/v1/finance/programs/${programId}/report`).set(city.headers).expect(200)).body;
      const district = report.payers.find((p: { payer: string }) => p.payer === 'district:371002');
      expect(district.availableFen).toBeGreaterThanOrEqual(0);
      expect(district.budgetFen).toBe(cut.status === 200 ? 9_999 : 10_000);
      expect(district.committedFen).toBe(taken.status === 200 ? 10_000 : 0);
    }
    await expect(ledger()).resolves.toMatchObject({ ok: true });
  });
});
