import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { addWorkingDays, ManualClock, parseCalendarDate } from '@subsidy/calendar';
import { AppConfig } from '@subsidy/config';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { createWorker } from '../../apps/worker/src/create-worker';
import { asSuperuser, createOrganization, createTenant, createUser, login, nationalStandardLead, Session } from '../support/factories';
import { waitFor } from '../support/polling';
import { deleteRedisKeys } from '../support/redis-keys';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { validProgramBody } from '../unit/programs/program-body';

const POLL_MS = 50;
const day = (d: string) => parseCalendarDate(d);
/** 09:00 China Standard Time of a calendar date. */
const morningOf = (d: string) => new Date(`${d}T09:00:00+08:00`);

/**
 * "No stage waits silently" (issue 13), through HTTP and the real worker on a manual clock: every review stage gets a
 * due date in working days when an application arrives (the program's setting, else 10 working days); whoever holds
 * the work is reminded 2 working days before it and the program officers are told the working day after it; the
 * officer moves a running stage deadline (the due dates in the stage move with it, the old jobs do nothing) and
 * reassigns a district review to a reviewer of another district, or a technical review to another technical
 * reviewer, with a reason: audited, the old and new holders told, and only the new holder may act.
 */
describe('stage due dates, reminders, escalation and reassignment', () => {
  let db: TestDatabase;
  let config: AppConfig;
  let app: INestApplication;
  let worker: INestApplicationContext | undefined;
  let officer: Session;
  let applicant: Session;
  let reviewerA1: Session;
  let reviewerB: Session;
  let tech1: Session;
  let tech2: Session;
  let ids: { officer: string; applicant: string; reviewerA1: string; reviewerA2: string; reviewerB: string; tech1: string; tech2: string; expert: string };
  const clock = new ManualClock(new Date('2024-02-01T10:00:00+08:00'));
  const http = () => request(app.getHttpServer());

  const rows = async <T>(sql: string, params: unknown[]): Promise<T[]> => (await asSuperuser(db, (c) => c.query(sql, params))).rows as T[];
  /** The user ids told about the application with `kind`, sorted. */
  const told = async (applicationId: string, kind: string): Promise<string[]> =>
    (await rows<{ user_id: string }>(`select user_id from notifications where entity_id = $1 and kind = $2 order by user_id`, [applicationId, kind])).map((r) => r.user_id);
  const stageJobs = (applicationId: string) =>
    rows<{ job_name: string; payload: { stage: string; dueOn: string }; run_at: Date; done: boolean }>(
      `select job_name, payload, run_at, completed_at is not null as done from outbox
        where job_name in ('application.stage-reminder', 'application.stage-overdue') and payload->>'applicationId' = $1 order by run_at, job_name`,
      [applicationId],
    );
  const allStageJobsDoneUntil = async (applicationId: string, instant: Date) =>
    (await stageJobs(applicationId)).filter((j) => j.run_at <= instant).every((j) => j.done);

  beforeAll(async () => {
    db = await createTestDatabase();
    // No browser application: this spec is about the API (a built web/dist is served by WebAppModule otherwise).
    config = { ...db.config, outbox: { pollMs: POLL_MS }, web: { dir: '/nonexistent-web-dir' } };
    app = await createApp(config, { clock });
    await createTenant(db, { id: 'tianjin', districts: [{ code: '120101' }, { code: '120102' }] });
    const officerUser = await createUser(db, { tenantId: 'tianjin', role: 'program_officer' });
    const a1 = await createUser(db, { tenantId: 'tianjin', role: 'district_reviewer', districtCode: '120101' });
    const a2 = await createUser(db, { tenantId: 'tianjin', role: 'district_reviewer', districtCode: '120101' });
    const b = await createUser(db, { tenantId: 'tianjin', role: 'district_reviewer', districtCode: '120102' });
    const t1 = await createUser(db, { tenantId: 'tianjin', role: 'technical_reviewer' });
    const t2 = await createUser(db, { tenantId: 'tianjin', role: 'technical_reviewer' });
    const expert = await createUser(db, { tenantId: 'tianjin', role: 'expert' });
    const org = (await createOrganization(db, { tenantId: 'tianjin', districtCode: '120101' })).id;
    const applicantUser = await createUser(db, { tenantId: 'tianjin', role: 'applicant', organizationId: org });
    ids = { officer: officerUser.id, applicant: applicantUser.id, reviewerA1: a1.id, reviewerA2: a2.id, reviewerB: b.id, tech1: t1.id, tech2: t2.id, expert: expert.id };
    officer = await login(app, officerUser);
    applicant = await login(app, applicantUser);
    reviewerA1 = await login(app, a1);
    reviewerB = await login(app, b);
    tech1 = await login(app, t1);
    tech2 = await login(app, t2);
    worker = await createWorker(config, { clock });
  });

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    if (config) await deleteRedisKeys(config);
    await db?.drop();
  });

  it('dates, reminds, escalates, moves and reassigns the work of each stage', async () => {
    // A call with formal check (5 working days, the program's), district, technical and expert review (no setting: 10).
    const body = validProgramBody();
    body.title = '2024年度标准化资助（环节期限）';
    body.window = { kind: 'batch', opensAt: '2024-03-01T09:00:00+08:00', closesAt: '2024-04-30T17:00:00+08:00' };
    body.call = { ...body.call, materials: {} };
    const programId = (await http().post('/api/v1/programs').set(officer.headers).send(body).expect(201)).body.id as string;
    await http().post(`/api/v1/programs/${programId}/schedule`).set(officer.headers).expect(200);
    clock.set(new Date('2024-03-01T09:01:00+08:00'));
    await waitFor('the call to open', async () => (await rows<{ status: string }>(`select status from programs where id = $1`, [programId]))[0].status === 'open');

    // Monday 2024-03-04: submitted; the formal check is due in the program's 5 working days.
    clock.set(new Date('2024-03-04T10:00:00+08:00'));
    const id = (await http().post(`/api/v1/programs/${programId}/applications`).set(applicant.headers).expect(201)).body.id as string;
    await http().put(`/api/v1/applications/${id}/achievements`).set(applicant.headers).send({ achievements: [nationalStandardLead('a1')] }).expect(200);
    await http().post(`/api/v1/applications/${id}/declaration`).set(applicant.headers).send({ accepted: true, statement: '本单位承诺所报材料真实、完整。' }).expect(200);
    const submitted = await http().post(`/api/v1/applications/${id}/submit`).set(applicant.headers).set('Idempotency-Key', 'stage-deadlines-submit').expect(200);
    expect(submitted.body).toMatchObject({ status: 'formal_check', stageDueOn: addWorkingDays(day('2024-03-04'), 5) });

    // The formal check passes it on: the district review is due in the default 10 working days, shown in the views.
    const districtDue = addWorkingDays(day('2024-03-04'), 10);
    const checked = await http().post(`/api/v1/applications/${id}/formal-check`).set(officer.headers).send({ outcome: 'complete' }).expect(200);
    expect(checked.body).toMatchObject({ status: 'district_review', stageDueOn: districtDue, reviewAssigneeId: null });
    expect((await http().get(`/api/v1/applications/${id}`).set(officer.headers).expect(200)).body).toMatchObject({ stageDueOn: districtDue });
    const listed = await http().get(`/api/v1/applications?programId=${programId}`).set(reviewerA1.headers).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id, stageDueOn: districtDue, reviewAssigneeId: null })]);
    const arrival = await rows<{ user_id: string; body: string }>(`select user_id, body from notifications where entity_id = $1 and kind = 'application.awaiting-review' and user_id = $2`, [id, ids.reviewerA1]);
    expect(arrival).toEqual([{ user_id: ids.reviewerA1, body: expect.stringContaining(`请于${districtDue}前完成`) }]);
    const remindOn = addWorkingDays(day(districtDue), -2);
    // The formal check had its own reminder (its escalation is the program's formal-check deadline job).
    expect((await stageJobs(id)).filter((j) => j.payload.stage === 'formal_check').map((j) => j.job_name)).toEqual(['application.stage-reminder']);
    expect((await stageJobs(id)).filter((j) => j.payload.stage === 'district_review')).toEqual([
      { job_name: 'application.stage-reminder', payload: expect.objectContaining({ stage: 'district_review', dueOn: districtDue }), run_at: new Date(`${remindOn}T00:00:00+08:00`), done: false },
      {
        job_name: 'application.stage-overdue',
        payload: expect.objectContaining({ stage: 'district_review', dueOn: districtDue }),
        run_at: new Date(`${addWorkingDays(day(districtDue), 1)}T00:00:00+08:00`),
        done: false,
      },
    ]);

    // Two working days before the due date: both reviewers of the district are reminded, nobody else.
    clock.set(morningOf(remindOn));
    await waitFor('the reminder', async () => allStageJobsDoneUntil(id, clock.now()));
    expect(await told(id, 'application.stage-reminder')).toEqual([ids.reviewerA1, ids.reviewerA2].sort());
    const [reminder] = await rows<{ subject: string }>(`select subject from notifications where entity_id = $1 and kind = 'application.stage-reminder' limit 1`, [id]);
    expect(reminder.subject).toContain(districtDue);

    // The officer gives the district review 12 working days: the running due date moves 2 working days, with new jobs.
    const movedDue = addWorkingDays(day(districtDue), 2);
    const changed = await http()
      .put(`/api/v1/programs/${programId}/stage-deadlines/district_review`)
      .set(officer.headers)
      .send({ workingDays: 12, reason: '区县初审需现场核查' })
      .expect(200);
    expect(changed.body.review.districtReviewWorkingDays).toBe(12);
    expect((await http().get(`/api/v1/applications/${id}`).set(officer.headers).expect(200)).body.stageDueOn).toBe(movedDue);
    expect(await rows(`select reason, data from audit_log where entity_id = $1 and action = 'application.stage-due-moved'`, [id])).toEqual([
      { reason: '区县初审需现场核查', data: { stage: 'district_review', from: districtDue, to: movedDue } },
    ]);

    // The officer hands the district review to the reviewer of another district, with a reason.
    await http().post(`/api/v1/applications/${id}/reassign`).set(reviewerA1.headers).send({ assigneeId: ids.reviewerB, reason: '改派' }).expect(403);
    const noReason = await http().post(`/api/v1/applications/${id}/reassign`).set(officer.headers).send({ assigneeId: ids.reviewerB }).expect(400);
    expect([...new Set(noReason.body.details.map((d: { path: string }) => d.path))]).toEqual(['reason']);
    const wrongRole = await http().post(`/api/v1/applications/${id}/reassign`).set(officer.headers).send({ assigneeId: ids.tech1, reason: '改派' }).expect(400);
    expect(wrongRole.body.details.map((d: { path: string }) => d.path)).toEqual(['assigneeId']);
    const reason = '本区初审人员休假，改由河东区初审人员办理';
    const reassigned = await http().post(`/api/v1/applications/${id}/reassign`).set(officer.headers).send({ assigneeId: ids.reviewerB, reason }).expect(200);
    expect(reassigned.body).toMatchObject({ status: 'district_review', reviewAssigneeId: ids.reviewerB, stageDueOn: movedDue });
    expect(await rows(`select reason, data from audit_log where entity_id = $1 and action = 'application.review-reassigned'`, [id])).toEqual([
      { reason, data: { stage: 'district_review', from: null, to: ids.reviewerB, dueOn: movedDue } },
    ]);
    expect(await told(id, 'application.review-reassigned')).toEqual([ids.reviewerA1, ids.reviewerA2].sort());
    expect((await told(id, 'application.awaiting-review')).filter((u) => u === ids.reviewerB)).toEqual([ids.reviewerB]);
    // The district's own reviewer may no longer act; the new holder reads it although it is of another district.
    await http().post(`/api/v1/applications/${id}/district-review`).set(reviewerA1.headers).send({ outcome: 'forward' }).expect(403);
    expect((await http().get(`/api/v1/applications/${id}`).set(reviewerB.headers).expect(200)).body.reviewAssigneeId).toBe(ids.reviewerB);

    // The old due date's escalation runs and does nothing; the new reminder goes to the new holder only.
    const oldEscalation = addWorkingDays(day(districtDue), 1);
    const newRemind = addWorkingDays(day(movedDue), -2);
    clock.set(morningOf(oldEscalation > newRemind ? oldEscalation : newRemind));
    await waitFor('the old escalation and the new reminder', async () => allStageJobsDoneUntil(id, clock.now()));
    expect(await rows(`select 1 from audit_log where entity_id = $1 and action = 'application.stage-overdue'`, [id])).toEqual([]);
    expect(await told(id, 'application.stage-overdue')).toEqual([]);
    expect(await told(id, 'application.stage-reminder')).toEqual([ids.reviewerA1, ids.reviewerA2, ids.reviewerB].sort());

    // The working day after the new due date, with the work still there: on record, and the officer is told.
    clock.set(morningOf(addWorkingDays(day(movedDue), 1)));
    await waitFor('the escalation', async () => allStageJobsDoneUntil(id, clock.now()));
    expect(await rows(`select reason, data from audit_log where entity_id = $1 and action = 'application.stage-overdue'`, [id])).toEqual([
      { reason: `district_review not completed by ${movedDue}`, data: { stage: 'district_review', dueOn: movedDue, assigneeId: ids.reviewerB } },
    ]);
    expect(await told(id, 'application.stage-overdue')).toEqual([ids.officer]);

    // The new holder forwards it: the technical review is due in 10 working days; the technical reviewers are told.
    const forwardedOn = addWorkingDays(day(movedDue), 1);
    const forwarded = await http().post(`/api/v1/applications/${id}/district-review`).set(reviewerB.headers).send({ outcome: 'forward' }).expect(200);
    const technicalDue = addWorkingDays(day(forwardedOn), 10);
    expect(forwarded.body).toMatchObject({ status: 'technical_review', stageDueOn: technicalDue, reviewAssigneeId: null });
    expect((await told(id, 'application.awaiting-review')).filter((u) => u === ids.tech1 || u === ids.tech2)).toEqual([ids.tech1, ids.tech2].sort());

    // A technical review reassigned to one technical reviewer: the other may no longer give opinions.
    await http().post(`/api/v1/applications/${id}/reassign`).set(officer.headers).send({ assigneeId: ids.reviewerB, reason: '改派' }).expect(400);
    await http().post(`/api/v1/applications/${id}/reassign`).set(officer.headers).send({ assigneeId: ids.tech2, reason: '技术审查人员回避' }).expect(200);
    await http().put(`/api/v1/applications/${id}/technical-opinions/a1`).set(tech1.headers).send({ opinion: 'support', comment: '同意' }).expect(403);
    await http().put(`/api/v1/applications/${id}/technical-opinions/a1`).set(tech2.headers).send({ opinion: 'support', comment: '同意' }).expect(200);
    expect(await told(id, 'application.review-reassigned')).toEqual([ids.reviewerA1, ids.reviewerA2, ids.tech1, ids.tech2].sort());

    // The technical reviewer's reminder reaches the new holder only.
    clock.set(morningOf(addWorkingDays(day(technicalDue), -2)));
    await waitFor('the technical reminder', async () => allStageJobsDoneUntil(id, clock.now()));
    const technicalReminders = await rows<{ user_id: string }>(
      `select user_id from notifications where entity_id = $1 and kind = 'application.stage-reminder' and subject like '技术审查%'`,
      [id],
    );
    expect(technicalReminders.map((r) => r.user_id)).toEqual([ids.tech2]);

    // Done: the application leaves the stage, and its escalation does nothing.
    await http().post(`/api/v1/applications/${id}/technical-review/complete`).set(tech2.headers).expect(200);
    clock.set(morningOf(addWorkingDays(day(technicalDue), 1)));
    await waitFor('the technical escalation', async () => allStageJobsDoneUntil(id, clock.now()));
    expect(await told(id, 'application.stage-overdue')).toEqual([ids.officer]);
    // Neither the applicant nor the expert heard about any of the internal work.
    for (const user of [ids.applicant, ids.expert]) {
      expect(await rows(`select kind from notifications where entity_id = $1 and user_id = $2 and kind like 'application.stage-%'`, [id, user])).toEqual([]);
    }
    // Only a pending district or technical review can be reassigned.
    const notPending = await http().post(`/api/v1/applications/${id}/reassign`).set(officer.headers).send({ assigneeId: ids.tech1, reason: '改派' }).expect(409);
    expect(notPending.body.code).toBe('invalid_state');
  }, 180_000);
});
