import { INestApplication } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { createApplication, createOrganization, createProgram, createTenant, createUser, login, Session } from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * GET /applications/:id/audit-trail: the program officer reads what happened to an application, when, by whom and why,
 * from the tenant's audit hash chain, oldest first; others may not, and another tenant's application is 404.
 */
describe('an application’s audit trail', () => {
  const TENANT = 'beijing';
  let db: TestDatabase;
  let app: INestApplication;
  let officer: Session;
  let applicant: Session;
  let otherOfficer: Session;
  let checked: string;
  let untouched: string;
  const clock = new ManualClock(new Date('2024-04-10T10:00:00+08:00'));
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config, { clock });
    await createTenant(db, { id: TENANT, nameZh: '北京市', divisionCode: '110000', districts: [{ code: '110108', nameZh: '海淀区' }] });
    await createTenant(db, { id: 'other-city', districts: [{ code: '440604', nameZh: '禅城区' }] });
    const org = await createOrganization(db, { tenantId: TENANT, districtCode: '110108' });
    const otherOrg = await createOrganization(db, { tenantId: TENANT, districtCode: '110108' });
    const program = await createProgram(db, { tenantId: TENANT, policyId: 'beijing-2020', year: 2024, status: 'closed' });
    officer = await login(app, await createUser(db, { tenantId: TENANT, role: 'program_officer', displayName: '赵主管' }));
    applicant = await login(app, await createUser(db, { tenantId: TENANT, role: 'applicant', organizationId: org.id }));
    otherOfficer = await login(app, await createUser(db, { tenantId: 'other-city', role: 'program_officer' }));
    const achievements = [{ id: 'a1', type: 'standard', level: 'national', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'GB/T 1-2023', publishedOn: '2023-05-23' }];
    checked = (await createApplication(db, { tenantId: TENANT, programId: program.id, organizationId: org.id, districtCode: '110108', status: 'formal_check', reviewLevel: 'city', achievements })).id;
    untouched = (await createApplication(db, { tenantId: TENANT, programId: program.id, organizationId: otherOrg.id, districtCode: '110108', status: 'formal_check', reviewLevel: 'city', achievements })).id;
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('lists the records about the application, oldest first, with who acted, their role and the reason', async () => {
    await http()
      .post(`/api/v1/applications/${checked}/formal-check`)
      .set(officer.headers)
      .send({ outcome: 'correction', reason: '请补充标准发布公告的扫描件' })
      .expect(200);
    const response = await http().get(`/api/v1/applications/${checked}/audit-trail`).set(officer.headers).expect(200);
    expect(response.headers['x-total-count']).toBe(String(response.body.items.length));
    expect(response.body.items.length).toBeGreaterThanOrEqual(1);
    const last = response.body.items[response.body.items.length - 1];
    expect(last).toMatchObject({ action: 'application.returned-for-correction', actorKind: 'user', actorRole: 'program_officer', actorName: '赵主管', reason: '请补充标准发布公告的扫描件' });
    expect(new Date(last.occurredAt).toString()).not.toBe('Invalid Date');
    const seqs = response.body.items.map((item: { seq: string }) => BigInt(item.seq));
    expect([...seqs].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))).toEqual(seqs);
  });

  it('holds only that application’s records', async () => {
    const response = await http().get(`/api/v1/applications/${untouched}/audit-trail`).set(officer.headers).expect(200);
    expect(response.body.items).toEqual([]);
    expect(response.headers['x-total-count']).toBe('0');
  });

  it('is the program officer’s: an applicant is refused, another tenant’s officer finds nothing, an unknown id is 404', async () => {
    await http().get(`/api/v1/applications/${checked}/audit-trail`).set(applicant.headers).expect(403);
    await http().get(`/api/v1/applications/${checked}/audit-trail`).set(otherOfficer.headers).expect(404);
    await http().get('/api/v1/applications/00000000-0000-4000-8000-000000000000/audit-trail').set(officer.headers).expect(404);
  });
});
