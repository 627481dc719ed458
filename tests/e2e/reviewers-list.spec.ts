import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { createTenant, createUser, login, Session } from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * GET /reviewers: whom a program officer may hand a pending review to (POST /applications/:id/reassign), the tenant's
 * active reviewers of one role by name with their district's name, paged with X-Total-Count; program officers only.
 */
describe('GET /reviewers: the reviewers a program officer may reassign a review to', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let officer: Session;
  let reviewer: Session;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config);
    await createTenant(db, { id: 'weihai', nameZh: '威海市', divisionCode: '371000', districts: [{ code: '371002', nameZh: '环翠区' }, { code: '371003', nameZh: '文登区' }] });
    await createTenant(db, { id: 'tianjin', districts: [{ code: '120101', nameZh: '和平区' }] });
    officer = await login(app, await createUser(db, { tenantId: 'weihai', role: 'program_officer' }));
    reviewer = await login(app, await createUser(db, { tenantId: 'weihai', role: 'district_reviewer', districtCode: '371003', displayName: '文登区审核员' }));
    await createUser(db, { tenantId: 'weihai', role: 'district_reviewer', districtCode: '371002', displayName: '环翠区审核员' });
    await createUser(db, { tenantId: 'weihai', role: 'technical_reviewer', displayName: '技术审查员甲' });
    await createUser(db, { tenantId: 'tianjin', role: 'district_reviewer', districtCode: '120101', displayName: '和平区审核员' });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it("lists the tenant's reviewers of the role asked for, by name, with the district's name", async () => {
    const district = await http().get('/api/v1/reviewers?role=district_reviewer').set(officer.headers).expect(200);
    expect(district.headers['x-total-count']).toBe('2');
    const rows = district.body.items.map((r: { displayName: string; role: string; districtCode: string; districtName: string }) => [r.districtCode, r.displayName, r.role, r.districtName]);
    expect(rows.sort()).toEqual([
      ['371002', '环翠区审核员', 'district_reviewer', '环翠区'],
      ['371003', '文登区审核员', 'district_reviewer', '文登区'],
    ]);
    const technical = await http().get('/api/v1/reviewers?role=technical_reviewer&pageSize=1').set(officer.headers).expect(200);
    expect(technical.body.items.map((r: { displayName: string; districtName: string | null }) => [r.displayName, r.districtName])).toEqual([['技术审查员甲', null]]);
  });

  it('needs a reviewing role and a program officer', async () => {
    await http().get('/api/v1/reviewers').set(officer.headers).expect(400);
    await http().get('/api/v1/reviewers?role=expert').set(officer.headers).expect(400);
    await http().get('/api/v1/reviewers?role=district_reviewer').set(reviewer.headers).expect(403);
  });
});
