import { INestApplication } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import {
  asSuperuser,
  createApplication,
  createOrganization,
  createProgram,
  createTenant,
  createUser,
  login,
  nationalStandardLead,
  OrganizationFixture,
  Session,
} from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { validProgramBody } from '../unit/programs/program-body';

/**
 * Issue 13, "dates that make sense": a program's year agrees with its window; a clawback's finding date and an
 * achievement's publication (recognition, award…) date are not in the future, "today" being the controllable clock's
 * CST date (at submission: the submission date).
 */
describe('dates that make sense', () => {
  let db: TestDatabase;
  let app: INestApplication;
  // The clawback is recorded at 2024-03-15 00:30 CST, still the 14th in UTC: only a CST "today" accepts the 15th.
  const clock = new ManualClock(new Date('2024-03-15T10:00:00+08:00'));
  let officer: Session;
  let applicant: Session;
  let org: OrganizationFixture;
  let programId: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config, { clock });
    await createTenant(db, { id: 'tianjin', districts: [{ code: '120101' }] });
    org = await createOrganization(db, { tenantId: 'tianjin', districtCode: '120101' });
    officer = await login(app, await createUser(db, { tenantId: 'tianjin', role: 'program_officer' }));
    applicant = await login(app, await createUser(db, { tenantId: 'tianjin', role: 'applicant', organizationId: org.id }));
    programId = (await createProgram(db, { tenantId: 'tianjin', policyId: 'tianjin-2021' })).id;
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    (await asSuperuser(db, (c) => c.query<{ n: number }>(`select count(*)::int as n from ${sql}`, params))).rows[0].n;

  it('refuses a program whose year is neither the year its window opens nor closes in, naming year', async () => {
    const programs = await count('programs');
    const wrongYear = { ...validProgramBody(), year: 2025 };
    const refused = await http().post('/api/v1/programs').set(officer.headers).send(wrongYear).expect(400);
    expect(refused.body.code).toBe('validation_failed');
    expect(refused.body.details).toEqual([{ path: 'year', message: '项目年度须与申报窗口开始或截止的年份一致（2024），不能为2025' }]);
    const english = await http().post('/api/v1/programs').set(officer.headers).set('Accept-Language', 'en').send(wrongYear).expect(400);
    expect(english.body.details).toEqual([{ path: 'year', message: 'must be the CST year the window opens or closes in (2024), not 2025' }]);
    expect(await count('programs')).toBe(programs);

    // A window straddling the new year in CST (opens 2023-12-31 23:30 CST, which is still 2023 in UTC too; closes in
    // 2024) takes either year; an opening at 2024-01-01 00:30 CST (2023-12-31 in UTC) belongs to 2024, not 2023.
    const straddling = { ...validProgramBody(), window: { kind: 'batch', opensAt: '2023-12-31T23:30:00+08:00', closesAt: '2024-03-31T17:00:00+08:00' } };
    await http().post('/api/v1/programs').set(officer.headers).send({ ...straddling, year: 2023 }).expect(201);
    const created = await http().post('/api/v1/programs').set(officer.headers).send({ ...straddling, year: 2024 }).expect(201);
    const newYear = { ...validProgramBody(), year: 2023, window: { kind: 'batch', opensAt: '2024-01-01T00:30:00+08:00', closesAt: '2024-03-31T17:00:00+08:00' } };
    const cst = await http().post('/api/v1/programs').set(officer.headers).send(newYear).expect(400);
    expect(cst.body.details.map((d: { path: string }) => d.path)).toEqual(['year']);

    // An update is held to the same rule and leaves the draft as it was.
    const update = await http().put(`/api/v1/programs/${created.body.id}`).set(officer.headers).send({ ...validProgramBody(), year: 2022 }).expect(400);
    expect(update.body.details.map((d: { path: string }) => d.path)).toEqual(['year']);
    const { rows } = await asSuperuser(db, (c) => c.query(`select year, version from programs where id = $1`, [created.body.id]));
    expect(rows[0]).toEqual({ year: 2024, version: created.body.version });
  });

  it("refuses a clawback found after today (CST, by the clock), naming foundOn; today's date passes the check", async () => {
    clock.set(new Date('2024-03-15T00:30:00+08:00'));
    const claimed = await createOrganization(db, { tenantId: 'tianjin', districtCode: '120101' });
    const application = await createApplication(db, { tenantId: 'tianjin', programId, organizationId: claimed.id, districtCode: '120101', status: 'awaiting_decision' });
    const clawback = (foundOn: string, key: string) =>
      http()
        .post('/api/v1/finance/clawbacks')
        .set(officer.headers)
        .set('Idempotency-Key', key)
        .send({ applicationId: application.id, reasonKind: 'fraud', reason: '伪造证明材料', amountFen: 100, foundOn });

    const future = await clawback('2024-03-16', 'dates-clawback-1').expect(400);
    expect(future.body.code).toBe('validation_failed');
    expect(future.body.details).toEqual([{ path: 'foundOn', message: '不能晚于今天（2024-03-15）' }]);
    expect(future.body.message).toBe('发现日期不能晚于今天（2024-03-15）');
    expect(await count('clawbacks')).toBe(0);
    expect(await count('sanctions')).toBe(0);

    // Today is not the future: the date passes, and what stops this claim is that nothing was paid.
    const today = await clawback('2024-03-15', 'dates-clawback-2').expect(400);
    expect(today.body.details.map((d: { path: string }) => d.path)).toEqual(['amountFen']);
    clock.set(new Date('2024-03-15T10:00:00+08:00'));
  });

  it("refuses achievements dated after the application's date, while drafting and at submission", async () => {
    const created = await http().post(`/api/v1/programs/${programId}/applications`).set(applicant.headers).expect(201);
    const applicationId = created.body.id as string;
    const save = (achievements: unknown[]) => http().put(`/api/v1/applications/${applicationId}/achievements`).set(applicant.headers).send({ achievements });

    // Drafting: today by the clock is 2024-03-15.
    const refused = await save([nationalStandardLead('a1', '2024-03-15'), nationalStandardLead('a2', '2024-03-16')]).expect(400);
    expect(refused.body.code).toBe('validation_failed');
    expect(refused.body.details).toEqual([{ path: 'achievements[1].publishedOn', message: '2024-03-16晚于申报日期（2024-03-15），只能申报已取得的成果' }]);
    expect(await count('application_achievements where application_id = $1', [applicationId])).toBe(0);
    // A standard's implementation date may lie ahead of its publication: it is not an achievement's date.
    const saved = await save([{ ...nationalStandardLead('a1', '2024-03-15'), implementedOn: '2024-10-01' }]).expect(200);
    expect(saved.body.achievements.map((a: { id: string }) => a.id)).toEqual(['a1']);

    // Submission: a draft holding a date after the submission date (stored directly, as data saved under another rule
    // would be) is refused naming the field, and submits once the submission date has reached it.
    const stored = await createApplication(db, {
      tenantId: 'tianjin',
      programId,
      organizationId: (await createOrganization(db, { tenantId: 'tianjin', districtCode: '120101' })).id,
      districtCode: '120101',
      achievements: [nationalStandardLead('a1', '2023-06-01'), nationalStandardLead('a2', '2024-03-18')],
    });
    await asSuperuser(db, (c) => c.query(`update applications set declared_at = now() where id = $1`, [stored.id]));
    const owner = await login(app, await createUser(db, { tenantId: 'tianjin', role: 'applicant', organizationId: stored.organizationId }));
    const early = await http().post(`/api/v1/applications/${stored.id}/submit`).set(owner.headers).set('Accept-Language', 'en').set('Idempotency-Key', 'dates-submit-1').expect(400);
    expect(early.body.details).toEqual([
      { path: 'achievements[1].publishedOn', message: "2024-03-18 is after the application's date (2024-03-15); only achievements already made can be claimed" },
    ]);
    const { rows } = await asSuperuser(db, (c) => c.query(`select status, submission_count from applications where id = $1`, [stored.id]));
    expect(rows[0]).toEqual({ status: 'draft', submission_count: 0 });

    clock.set(new Date('2024-03-18T09:00:00+08:00'));
    const submitted = await http().post(`/api/v1/applications/${stored.id}/submit`).set(owner.headers).set('Idempotency-Key', 'dates-submit-2').expect(200);
    expect(submitted.body.status).toBe('formal_check');
  });
});
