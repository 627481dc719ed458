import { INestApplication } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { asSuperuser, createOrganization, createUser, login, OrganizationFixture, Session } from '../support/factories';
import { createHandedOverProgram, createPolicyTenant } from '../support/factories/finance';
import { createTestDatabase, TestDatabase } from '../support/test-database';

interface IntakeBody {
  totalFen: number;
  committedByPayer: Record<string, number>;
  awards: Array<{ applicationId: string; decidedFen: number; shares: Array<{ payer: string; amountFen: number }> }>;
}

/**
 * Linyi 第六条 (002:3989): 激励资金给予企业的, 按照现行财政收入分享比例由市与县区分级承担; 给予事业单位和社会组织的, 市级单位由
 * 市财政负担, 县区级单位由所在县区财政负担. The enterprise ratio is not in the text: city finance records it per county
 * (PUT /finance/revenue-sharing/:districtCode) and intake splits enterprise awards by it, to the fen.
 */
describe('finance: awards shared by the recorded city:district revenue-sharing ratio (Linyi 第六条)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let city: Session;
  let lanshan: Session;
  let enterprise: OrganizationFixture;
  let institution: OrganizationFixture;
  let programId: string;
  let applicationIds: string[];
  let keyNo = 0;
  const key = (): string => `revenue-sharing-${++keyNo}-${Date.now()}`;
  const clock = new ManualClock(new Date('2024-06-03T10:00:00+08:00'));
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config, { clock });
    await createPolicyTenant(db, 'linyi', [
      { code: '371302', nameZh: '兰山区' },
      { code: '371311', nameZh: '罗庄区' },
    ]);
    enterprise = await createOrganization(db, { tenantId: 'linyi', districtCode: '371302', kind: 'enterprise' });
    institution = await createOrganization(db, { tenantId: 'linyi', districtCode: '371311', kind: 'institution' });
    const handed = await createHandedOverProgram(db, {
      tenantId: 'linyi',
      policyId: 'linyi-2019',
      year: 2024,
      applications: [
        { organization: enterprise, items: [{ achievementId: 'a1', decidedFen: 300_001, article: '第六条第（一）项' }] },
        { organization: institution, items: [{ achievementId: 'b1', decidedFen: 200_000, article: '第六条第（一）项' }] },
      ],
    });
    programId = handed.program.id;
    applicationIds = handed.applicationIds;
    city = await login(app, await createUser(db, { tenantId: 'linyi', role: 'finance_officer', financeLevel: 'city' }));
    lanshan = await login(app, await createUser(db, { tenantId: 'linyi', role: 'finance_officer', financeLevel: 'district', districtCode: '371302' }));
    for (const [session, payer, amountFen] of [
      [city, 'city', 10_000_000],
      [lanshan, 'district:371302', 10_000_000],
    ] as const) {
      await http().put(`/api/v1/finance/programs/${programId}/budget`).set(session.headers).set('Idempotency-Key', key()).send({ payer, amountFen }).expect(200);
    }
    await http().put(`/api/v1/finance/programs/${programId}/budget`).set(city.headers).set('Idempotency-Key', key()).send({ payer: 'district:371311', amountFen: 10_000_000 }).expect(200);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it("refuses the intake while the enterprise's county has no recorded ratio, naming it, and commits nothing", async () => {
    const response = await http().post(`/api/v1/finance/programs/${programId}/intake`).set(city.headers).set('Idempotency-Key', key());
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('revenue_sharing_missing');
    expect(response.body.message).toContain('兰山区 (371302)');
    expect(response.body.message).toContain('第六条');
    // Only the enterprise's county is needed: the institution's award is borne by its own county (stated in the text).
    expect(response.body.details.map((d: { path: string }) => d.path)).toEqual(['revenueSharing.371302']);
    const english = await http().post(`/api/v1/finance/programs/${programId}/intake`).set(city.headers).set('Idempotency-Key', key()).set('Accept-Language', 'en');
    expect(english.body.message).toContain('fiscal revenue-sharing ratio');
    const { rows } = await asSuperuser(db, (client) => client.query(`select count(*)::int as n from finance_shares`));
    expect(rows[0].n).toBe(0);
  });

  it('is recorded by city finance only, for a district of the tenant, with a document behind it', async () => {
    const body = { cityParts: 40, districtParts: 60, basis: '临政发〔2019〕12号 市与县区财政收入分享比例' };
    const byDistrict = await http().put('/api/v1/finance/revenue-sharing/371302').set(lanshan.headers).send(body);
    expect(byDistrict.status).toBe(403);
    expect(byDistrict.body.code).toBe('payer_forbidden');
    const badCode = await http().put('/api/v1/finance/revenue-sharing/37130').set(city.headers).send(body);
    expect(badCode.status).toBe(400);
    expect(badCode.body.details[0].path).toBe('districtCode');
    const unknown = await http().put('/api/v1/finance/revenue-sharing/371399').set(city.headers).send(body);
    expect(unknown.status).toBe(404);
    expect(unknown.body.details[0].path).toBe('districtCode');
    const zero = await http().put('/api/v1/finance/revenue-sharing/371302').set(city.headers).send({ ...body, cityParts: 0, districtParts: 0 });
    expect(zero.status).toBe(400);
    expect(zero.body.details[0].path).toBe('cityParts');
    const blank = await http().put('/api/v1/finance/revenue-sharing/371302').set(city.headers).send({ ...body, basis: '  ' });
    expect(blank.status).toBe(400);
    expect(blank.body.details.map((d: { path: string }) => d.path)).toContain('basis');
    const negative = await http().put('/api/v1/finance/revenue-sharing/371302').set(city.headers).send({ ...body, districtParts: -1 });
    expect(negative.status).toBe(400);
    expect(negative.body.details.map((d: { path: string }) => d.path)).toContain('districtParts');
    expect((await http().get('/api/v1/finance/revenue-sharing').set(city.headers).expect(200)).body.ratios).toEqual([]);

    const set = await http().put('/api/v1/finance/revenue-sharing/371302').set(city.headers).send(body);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ districtCode: '371302', districtName: '兰山区', cityParts: 40, districtParts: 60, basis: body.basis, version: 1 });
    const again = await http().put('/api/v1/finance/revenue-sharing/371302').set(city.headers).send(body);
    expect(again.body.version).toBe(1);
    const listed = await http().get('/api/v1/finance/revenue-sharing').set(lanshan.headers).expect(200);
    expect(listed.body.ratios).toEqual([expect.objectContaining({ districtCode: '371302', cityParts: 40, districtParts: 60 })]);
    const audit = await asSuperuser(db, (client) =>
      client.query<{ action: string; reason: string; data: Record<string, unknown> }>(`select action, reason, data from audit_log where entity_type = 'district' and entity_id = '371302'`),
    );
    expect(audit.rows).toEqual([{ action: 'finance.revenue-sharing-set', reason: body.basis, data: expect.objectContaining({ cityParts: 40, districtParts: 60, previous: null }) }]);
  });

  it('splits the enterprise award 40:60 to the fen and leaves the institution to its own county', async () => {
    const response = await http().post(`/api/v1/finance/programs/${programId}/intake`).set(city.headers).set('Idempotency-Key', key());
    expect(response.status).toBe(200);
    const body = response.body as IntakeBody;
    const [ofEnterprise, ofInstitution] = applicationIds.map((id) => body.awards.find((a) => a.applicationId === id)!);
    // 300,001 × 40/100 = 120,000.4 and × 60/100 = 180,000.6: the remaining fen goes to the larger remainder (district).
    expect(ofEnterprise.shares).toEqual([
      { shareId: expect.any(String), payer: 'city', amountFen: 120_000, installments: expect.any(Array) },
      { shareId: expect.any(String), payer: 'district:371302', amountFen: 180_001, installments: expect.any(Array) },
    ]);
    expect(ofEnterprise.shares.reduce((sum, s) => sum + s.amountFen, 0)).toBe(ofEnterprise.decidedFen);
    expect(ofInstitution.shares.map((s) => [s.payer, s.amountFen])).toEqual([['district:371311', 200_000]]);
    expect(body.committedByPayer).toEqual({ city: 120_000, 'district:371302': 180_001, 'district:371311': 200_000 });
    const [taken] = (
      await asSuperuser(db, (client) => client.query<{ data: { revenueSharing: Record<string, unknown> } }>(`select data from audit_log where action = 'finance.program-taken-in'`))
    ).rows;
    expect(taken.data.revenueSharing).toEqual({ '371302': { cityParts: 40, districtParts: 60, basis: '临政发〔2019〕12号 市与县区财政收入分享比例', version: 1 } });
  });

  it('a later change of the ratio is audited with the previous one and leaves the shares already committed alone', async () => {
    const changed = await http().put('/api/v1/finance/revenue-sharing/371302').set(city.headers).send({ cityParts: 35, districtParts: 65, basis: '临政发〔2024〕3号' });
    expect(changed.body).toMatchObject({ cityParts: 35, districtParts: 65, version: 2 });
    const [latest] = (
      await asSuperuser(db, (client) => client.query<{ data: { previous: unknown } }>(`select data from audit_log where action = 'finance.revenue-sharing-set' order by seq desc limit 1`))
    ).rows;
    expect(latest.data.previous).toEqual({ cityParts: 40, districtParts: 60, basis: '临政发〔2019〕12号 市与县区财政收入分享比例' });
    const shares = await asSuperuser(db, (client) => client.query<{ payer: string; amount_fen: string }>(`select payer, amount_fen::text from finance_shares order by payer`));
    expect(shares.rows).toEqual([
      { payer: 'city', amount_fen: '120000' },
      { payer: 'district:371302', amount_fen: '180001' },
      { payer: 'district:371311', amount_fen: '200000' },
    ]);
  });
});
