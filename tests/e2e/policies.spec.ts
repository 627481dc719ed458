import { INestApplication } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { createOrganization, createTenant, createUser, login, policies, Session } from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** GET /policies: the versions an officer can start a program from, with validity judged on today's CST date. */
describe('policy versions of a tenant', () => {
  let db: TestDatabase;
  let app: INestApplication;
  // 2023-11-30 23:30 in China: the last day of foshan-2018.
  const clock = new ManualClock(new Date('2023-11-30T23:30:00+08:00'));
  let officer: Session;
  let applicant: Session;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config, { clock });
    await createTenant(db, { id: 'foshan', districts: [{ code: '440604', nameZh: '禅城区' }] });
    await createTenant(db, { id: 'zhengzhou', districts: [{ code: '410102', nameZh: '中原区' }] });
    const org = await createOrganization(db, { tenantId: 'foshan', districtCode: '440604' });
    officer = await login(app, await createUser(db, { tenantId: 'foshan', role: 'program_officer' }));
    applicant = await login(app, await createUser(db, { tenantId: 'foshan', role: 'applicant', organizationId: org.id }));
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('lists the tenant’s own versions with validity, item count, hash and the procedure with its articles', async () => {
    const { body } = await http().get('/api/v1/policies').set(officer.headers).expect(200);
    const foshan = policies().versions('foshan')[0];
    expect(body.items).toEqual([
      expect.objectContaining({
        id: 'foshan-2018',
        effectiveFrom: '2018-12-01',
        effectiveTo: '2023-11-30',
        inForce: true,
        itemCount: foshan.items.length,
        hash: foshan.hash,
      }),
    ]);
    expect(body.items[0].procedure.allocationApproval).toEqual({ by: '佛山市人民政府', article: '第十三条', source: '002:4394' });
    expect(body.items[0].procedure.publicity).toEqual({ days: 7, unit: 'working', article: '第十二条', source: '002:4388' });
  });

  it('judges "in force" on the China Standard Time date, not the machine’s', async () => {
    clock.set(new Date('2023-12-01T00:30:00+08:00')); // still 2023-11-30 in UTC
    try {
      const { body } = await http().get('/api/v1/policies').set(officer.headers).expect(200);
      expect(body.items[0]).toMatchObject({ id: 'foshan-2018', inForce: false });
    } finally {
      clock.set(new Date('2023-11-30T23:30:00+08:00'));
    }
  });

  it('is readable by applicants (the texts are public) and refused without a session', async () => {
    const { body } = await http().get('/api/v1/policies').set(applicant.headers).expect(200);
    expect(body.items.map((p: { id: string }) => p.id)).toEqual(['foshan-2018']);
    await http().get('/api/v1/policies').expect(401);
  });
});
