import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { createOrganization, createTenant, createUser, login, Session } from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const request2024 = (achievements: unknown[]) => ({
  applicationDate: '2024-03-20',
  programYear: 2024,
  applicants: [{ uscc: '91371002MA3D10085L', name: '威海示范海洋食品有限公司', kind: 'enterprise', district: '环翠区', achievements }],
});

const nationalLead = { id: 'a1', type: 'standard', level: 'national', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'GB/T 40000-2023', publishedOn: '2023-06-01' };

describe('POST /api/v1/tenants/:tenantId/calculations', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let officer: Session;
  let applicant: Session;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config);
    const weihai = await createTenant(db, { id: 'weihai', districts: [{ code: '371002', nameZh: '环翠区' }] });
    const org = await createOrganization(db, { tenantId: weihai.id, districtCode: '371002' });
    officer = await login(app, await createUser(db, { tenantId: weihai.id, role: 'program_officer' }));
    applicant = await login(app, await createUser(db, { tenantId: weihai.id, role: 'applicant', organizationId: org.id }));
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  const post = (session: Session, body: unknown) => request(app.getHttpServer()).post('/api/v1/tenants/weihai/calculations').set(session.headers).send(body as object);

  it('evaluates the contract under the Weihai policy in force, with articles and trace', async () => {
    const response = await post(officer, request2024([nationalLead])).expect(200);
    expect(response.body.tenant).toBe('weihai');
    const item = response.body.applicants[0].items[0];
    // 第六条: national standard, lead formulate, 不超过 50 万元 (seed 002, line 4533).
    expect(item).toMatchObject({ achievementId: 'a1', outcome: 'awarded', amountFen: 50_000_000, basis: 'ceiling', article: '第六条' });
    expect(item.trace.length).toBeGreaterThan(0);
    expect(item.trace[0]).toMatchObject({ article: expect.any(String), amountFen: expect.any(Number) });
  });

  it('names the JSON path of a bad field with 400 and the engine code', async () => {
    const bad = request2024([{ ...nationalLead, level: 'galactic' }]);
    const response = await post(officer, bad).expect(400);
    expect(response.body.code).toBe('invalid_request');
    expect(response.body.details[0].path).toMatch(/applicants\[0\]\.achievements\[0\]\.level|\/applicants\/0\/achievements\/0\/level/);
  });

  it('answers 422 no_policy_in_force for a date before any Weihai policy', async () => {
    const response = await post(officer, { ...request2024([nationalLead]), applicationDate: '2015-03-20', programYear: 2015 }).expect(422);
    expect(response.body.code).toBe('no_policy_in_force');
  });

  it('is for staff: an applicant gets 403', async () => {
    await post(applicant, request2024([nationalLead])).expect(403);
  });

  it('needs a signed-in user', async () => {
    await request(app.getHttpServer()).post('/api/v1/tenants/weihai/calculations').send(request2024([nationalLead])).expect(401);
  });
});
