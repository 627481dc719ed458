import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import { HolidayCalendarCache } from '@subsidy/holiday-calendar';
import { ReviewSettings } from '@subsidy/workflow';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { createWorker } from '../../apps/worker/src/create-worker';
import { addHolidayYearFromFile } from '../../apps/cli/src/calendar/add-year';
import {
  asSuperuser,
  createApplication,
  createOrganization,
  createProgram,
  createTenant,
  createUser,
  ensurePlatformTenant,
  login,
  nationalStandardLead,
  reviewSettings,
  Session,
} from '../support/factories';
import { waitFor } from '../support/polling';
import { deleteRedisKeys } from '../support/redis-keys';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const TENANT = 'weihai';
const HUANCUI = '371002';

/**
 * TEST DATA, NOT A STATE COUNCIL NOTICE: 2099 is a made-up year the bundled schedule does not carry. Its invented
 * "测试假日" gives Tue 16 - Thu 18 June off and makes Saturday 20 June a working day; 1-3 January are off too.
 * From Monday 2099-06-15, five working days are Fri 19, Sat 20 (make-up), Mon 22, Tue 23, Wed 24 June.
 */
const TEST_YEAR = 2099;
const TEST_NOTICE = {
  noticeNumber: '测试数据〔2099〕1号',
  noticeUrl: 'https://example.invalid/test-data-2099',
  reason: '测试数据',
  days: [
    { date: '2099-01-01', kind: 'holiday', name: '测试假日' },
    { date: '2099-01-02', kind: 'holiday', name: '测试假日' },
    { date: '2099-01-03', kind: 'holiday', name: '测试假日' },
    { date: '2099-06-16', kind: 'holiday', name: '测试假日' },
    { date: '2099-06-17', kind: 'holiday', name: '测试假日' },
    { date: '2099-06-18', kind: 'holiday', name: '测试假日' },
    { date: '2099-06-20', kind: 'workday', name: '测试假日' },
  ],
};
const MONDAY = new Date('2099-06-15T10:00:00+08:00');
const DUE_WITH_TEST_HOLIDAYS = '2099-06-24';

/**
 * The platform administrator adds a year's holiday notice through the API (or an operator with
 * `npm run calendar:add-year`), and every running application counts working days in that year from then on, with
 * no restart: two API instances and a worker run here; the second API instance, started last, is the one whose
 * calendar this process uses, and the year written through the first reaches it (and the worker) by the database's
 * notification.
 */
describe('the holiday calendar: operator-added years', () => {
  let db: TestDatabase;
  let first: INestApplication;
  let second: INestApplication;
  let worker: INestApplicationContext | undefined;
  let admin: Session;
  let officer: Session;
  let officerOnSecond: Session;
  let programId: string;
  const clock = new ManualClock(MONDAY);
  const correction = { outcome: 'correction', missing: [{ material: '营业执照' }], reason: '材料不全' };
  const review: ReviewSettings = reviewSettings({ stages: { formal_check: true, district_review: false, technical_review: false, expert_review: false }, correctionWorkingDays: 5 });

  const status = async (id: string) =>
    (await asSuperuser(db, (c) => c.query<{ status: string }>(`select status from applications where id = $1`, [id]))).rows[0].status;
  const platformAudit = async () =>
    (await asSuperuser(db, (c) => c.query(`select action, entity_id as "entityId", actor_id as "actorId", reason from audit_log where tenant_id = 'platform' and entity_type = 'holiday_year' order by seq`))).rows;

  async function applicationInFormalCheck(): Promise<string> {
    const org = await createOrganization(db, { tenantId: TENANT, districtCode: HUANCUI });
    const application = await createApplication(db, { tenantId: TENANT, programId, organizationId: org.id, districtCode: HUANCUI, status: 'formal_check', achievements: [nationalStandardLead('a1', '2098-06-01')] });
    return application.id;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    first = await createApp(db.config, { clock });
    worker = await createWorker(db.config, { clock });
    second = await createApp(db.config, { clock });
    await createTenant(db, { id: TENANT, districts: [{ code: HUANCUI, nameZh: '环翠区' }] });
    await ensurePlatformTenant(db);
    programId = (await createProgram(db, { tenantId: TENANT, policyId: 'weihai-2020', review })).id;
    const officerUser = await createUser(db, { tenantId: TENANT, role: 'program_officer' });
    officer = await login(first, officerUser);
    officerOnSecond = await login(second, officerUser);
    admin = await login(first, await createUser(db, { tenantId: 'platform', role: 'platform_admin' }));
  });

  afterAll(async () => {
    await second?.close();
    await worker?.close();
    await first?.close();
    await deleteRedisKeys(db.config);
    await db?.drop();
  });

  it('refuses a working-day deadline in a year nobody has added, naming the year, and changes nothing', async () => {
    const id = await applicationInFormalCheck();
    const zh = await request(first.getHttpServer()).post(`/api/v1/applications/${id}/formal-check`).set(officer.headers).send(correction).expect(422);
    expect(zh.body).toMatchObject({ code: 'holiday_schedule_unavailable', message: expect.stringContaining('2099') });
    expect(zh.body.message).toContain('国务院节假日安排');
    const en = await request(second.getHttpServer())
      .post(`/api/v1/applications/${id}/formal-check`)
      .set({ ...officerOnSecond.headers, 'Accept-Language': 'en' })
      .send(correction)
      .expect(422);
    expect(en.body).toMatchObject({ code: 'holiday_schedule_unavailable', message: expect.stringContaining('2099') });
    expect(await status(id)).toBe('formal_check');
    const list = await request(first.getHttpServer()).get('/api/v1/platform/holiday-calendar').set(admin.headers).expect(200);
    expect(list.body).toEqual({ items: [] });
  });

  it('refuses a notice with errors, naming every field, and saves nothing', async () => {
    const response = await request(first.getHttpServer())
      .put(`/api/v1/platform/holiday-calendar/${TEST_YEAR}`)
      .set({ ...admin.headers, 'Accept-Language': 'en' })
      .send({
        noticeNumber: '测试数据〔2099〕2号',
        days: [
          { date: '2098-12-31', kind: 'holiday', name: '测试假日' },
          { date: '2099-06-16', kind: 'holiday', name: '测试假日' },
          { date: '2099-06-16', kind: 'holiday', name: '测试假日' },
          { date: '2099-06-19', kind: 'workday', name: 'Test day' },
        ],
      })
      .expect(400);
    expect(response.body.code).toBe('validation_failed');
    expect(response.body.details.map((d: { path: string }) => d.path)).toEqual(['days[0].date', 'days[2].date', 'days[3].kind', 'days[3].name']);
    const shape = await request(first.getHttpServer())
      .put(`/api/v1/platform/holiday-calendar/${TEST_YEAR}`)
      .set(admin.headers)
      .send({ noticeNumber: '', days: [{ date: '2099-02-30', kind: 'rest', name: '测试假日', extra: 1 }] })
      .expect(400);
    expect(shape.body.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['noticeNumber', 'days[0].date', 'days[0].kind']));
    const year = await request(first.getHttpServer()).put('/api/v1/platform/holiday-calendar/99').set(admin.headers).send(TEST_NOTICE).expect(400);
    expect(year.body.details).toEqual([expect.objectContaining({ path: 'year' })]);
    expect((await asSuperuser(db, (c) => c.query(`select count(*)::int as n from holiday_years`))).rows[0].n).toBe(0);
  });

  it('is for the platform administrator only', async () => {
    await request(first.getHttpServer()).put(`/api/v1/platform/holiday-calendar/${TEST_YEAR}`).set(officer.headers).send(TEST_NOTICE).expect(403);
    await request(first.getHttpServer()).get('/api/v1/platform/holiday-calendar').set(officer.headers).expect(403);
    await request(first.getHttpServer()).get('/api/v1/platform/holiday-calendar').expect(401);
  });

  it('lets the application role read the calendar but never write it', async () => {
    const app = await db.appRole();
    try {
      await expect(app.query(`select count(*) from holiday_years`)).resolves.toBeDefined();
      await expect(app.query(`insert into holiday_years (year, notice_number, added_by, added_at) values (2098, 'x', 'x', now())`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`delete from holiday_year_days`)).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }
  });

  it('after the administrator adds the year through one instance, every instance counts deadlines in it', async () => {
    const saved = await request(first.getHttpServer()).put(`/api/v1/platform/holiday-calendar/${TEST_YEAR}`).set(admin.headers).send(TEST_NOTICE).expect(200);
    expect(saved.body).toMatchObject({ year: 2099, noticeNumber: TEST_NOTICE.noticeNumber, noticeUrl: TEST_NOTICE.noticeUrl, holidays: 6, workdays: 1, version: 1 });

    // The second instance, started last, holds this process's calendar; it learns of the year from the notification.
    const id = await applicationInFormalCheck();
    const viaSecond = await waitFor('the second instance to count working days in 2099', async () => {
      const response = await request(second.getHttpServer()).post(`/api/v1/applications/${id}/formal-check`).set(officerOnSecond.headers).send(correction);
      if (response.status === 422) return false;
      return response;
    });
    expect(viaSecond.status).toBe(200);
    expect(viaSecond.body).toMatchObject({ status: 'correction_requested', stageDueOn: DUE_WITH_TEST_HOLIDAYS });
    expect(second.get(HolidayCalendarCache).years()).toEqual([TEST_YEAR]);
    expect(first.get(HolidayCalendarCache).years()).toEqual([TEST_YEAR]);
    // The worker's calendar (its own cache, its own listening connection) has the year too.
    await waitFor('the worker to load 2099', async () => worker?.get(HolidayCalendarCache).years().includes(TEST_YEAR));

    const other = await applicationInFormalCheck();
    const viaFirst = await request(first.getHttpServer()).post(`/api/v1/applications/${other}/formal-check`).set(officer.headers).send(correction).expect(200);
    expect(viaFirst.body.stageDueOn).toBe(DUE_WITH_TEST_HOLIDAYS);

    const list = await request(second.getHttpServer()).get('/api/v1/platform/holiday-calendar').set(admin.headers).expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ year: 2099, noticeNumber: TEST_NOTICE.noticeNumber, noticeUrl: TEST_NOTICE.noticeUrl, addedBy: expect.any(String), addedAt: expect.any(String), holidays: 6, workdays: 1 }),
    ]);
    expect(await platformAudit()).toEqual([expect.objectContaining({ action: 'holiday-calendar.year-added', entityId: '2099', reason: '测试数据' })]);
  });

  it('adds a year from an operator file (npm run calendar:add-year), replacing the stored one, and names errors in a bad file', async () => {
    const view = await addHolidayYearFromFile(db.config, join(__dirname, '../../config/holidays/TEST-DATA-2099.example.yaml'), 'test-operator');
    expect(view).toMatchObject({ year: 2099, addedBy: 'cli:test-operator', holidays: 3, workdays: 1, version: 2 });
    expect((await platformAudit()).map((r) => [r.action, r.actorId])).toEqual([
      ['holiday-calendar.year-added', expect.any(String)],
      ['holiday-calendar.year-replaced', 'cli:test-operator'],
    ]);
    // The example file has no June holidays: every instance now counts Tue 16 - Mon 22 June as the five days.
    const id = await applicationInFormalCheck();
    const response = await waitFor('the file to reach the running instances', async () => {
      const r = await request(second.getHttpServer()).post(`/api/v1/applications/${id}/formal-check`).set(officerOnSecond.headers).send(correction).expect(200);
      return r.body.stageDueOn === '2099-06-22' ? r : false;
    });
    expect(response.body.status).toBe('correction_requested');

    const dir = mkdtempSync(join(tmpdir(), 'holidays-'));
    const bad = join(dir, '2099.yaml');
    writeFileSync(bad, 'year: 2099\nnoticeNumber: 测试数据〔2099〕3号\ndays:\n  - { date: 2099-01-05, kind: workday, name: Test }\n');
    await expect(addHolidayYearFromFile(db.config, bad, 'test-operator')).rejects.toThrow(/days\[0\]\.kind[\s\S]*days\[0\]\.name/);
    writeFileSync(bad, 'year: 2099\nnotice: x\n');
    await expect(addHolidayYearFromFile(db.config, bad, 'test-operator')).rejects.toThrow(/unknown field\(s\): notice/);
    expect((await asSuperuser(db, (c) => c.query(`select version from holiday_years where year = 2099`))).rows).toEqual([{ version: 2 }]);
  });
});
