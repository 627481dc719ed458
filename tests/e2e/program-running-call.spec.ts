import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
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
const minutes = (n: number) => n * 60_000;

/**
 * Officers manage a running call through HTTP while the real worker runs the outbox on the same manual clock: a window
 * extended (延期) keeps the call open past its old closing time (the close job queued for that time runs and does
 * nothing) and a new close job closes it at the new time; a shortened one closes at the new time; a call closed early
 * refuses a late submission with window_closed; a closed call reopens for drafts; a stage deadline changes. Every
 * change is audited with its reason and told to each applicant with a live application, the officers and, for the
 * correction period, the district reviewers.
 */
describe('managing a running call', () => {
  let db: TestDatabase;
  let config: AppConfig;
  let app: INestApplication;
  let worker: INestApplicationContext | undefined;
  let officer: Session;
  let applicantA: Session;
  let applicantB: Session;
  let outsider: Session;
  let orgA: string;
  let orgB: string;
  let ids: { officer: string; applicantA: string; applicantB: string; otherApplicant: string; reviewer: string };
  const clock = new ManualClock(new Date('2024-02-01T10:00:00+08:00'));
  const http = () => request(app.getHttpServer());

  const rows = async <T>(sql: string, params: unknown[]): Promise<T[]> => (await asSuperuser(db, (c) => c.query(sql, params))).rows as T[];
  const status = async (programId: string): Promise<string> => (await rows<{ status: string }>(`select status from programs where id = $1`, [programId]))[0].status;
  const closeJobs = (programId: string) =>
    rows<{ dedupe_key: string; run_at: Date; done: boolean }>(
      `select dedupe_key, run_at, completed_at is not null as done from outbox where job_name = 'program.close' and payload->>'programId' = $1 order by run_at`,
      [programId],
    );
  const actions = async (programId: string): Promise<string[]> =>
    (await rows<{ action: string }>(`select action from audit_log where entity_id = $1 order by seq`, [programId])).map((r) => r.action);
  /** The user ids told about the program with `kind`, sorted. */
  const told = async (programId: string, kind: string): Promise<string[]> =>
    (await rows<{ user_id: string }>(`select user_id from notifications where entity_id = $1 and kind = $2 order by user_id`, [programId, kind])).map((r) => r.user_id);

  beforeAll(async () => {
    db = await createTestDatabase();
    config = { ...db.config, outbox: { pollMs: POLL_MS } };
    app = await createApp(config, { clock });
    await createTenant(db, { id: 'tianjin', districts: [{ code: '120101' }] });
    const officerUser = await createUser(db, { tenantId: 'tianjin', role: 'program_officer' });
    const reviewer = await createUser(db, { tenantId: 'tianjin', role: 'district_reviewer', districtCode: '120101' });
    orgA = (await createOrganization(db, { tenantId: 'tianjin', districtCode: '120101' })).id;
    orgB = (await createOrganization(db, { tenantId: 'tianjin', districtCode: '120101' })).id;
    const orgC = (await createOrganization(db, { tenantId: 'tianjin', districtCode: '120101' })).id;
    const userA = await createUser(db, { tenantId: 'tianjin', role: 'applicant', organizationId: orgA });
    const userB = await createUser(db, { tenantId: 'tianjin', role: 'applicant', organizationId: orgB });
    // An applicant with no application in the program: none of the changes concerns it.
    const userC = await createUser(db, { tenantId: 'tianjin', role: 'applicant', organizationId: orgC });
    ids = { officer: officerUser.id, applicantA: userA.id, applicantB: userB.id, otherApplicant: userC.id, reviewer: reviewer.id };
    officer = await login(app, officerUser);
    applicantA = await login(app, userA);
    applicantB = await login(app, userB);
    outsider = await login(app, userC);
    worker = await createWorker(config, { clock });
  });

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    if (config) await deleteRedisKeys(config);
    await db?.drop();
  });

  /** Drafts, schedules and (through the worker's open job, the clock moved to the opening) opens a call. */
  async function openCall(title: string, opensAt: Date, closesAt: Date): Promise<string> {
    const body = validProgramBody();
    body.title = title;
    body.window = { kind: 'batch', opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() };
    // No evidence files: this spec is about the window, not the materials a call requires.
    body.call = { ...body.call, materials: {} };
    const created = await http().post('/api/v1/programs').set(officer.headers).send(body).expect(201);
    const id = created.body.id as string;
    await http().post(`/api/v1/programs/${id}/schedule`).set(officer.headers).expect(200);
    clock.set(new Date(opensAt.getTime() + minutes(1)));
    await waitFor(`${title} to open`, async () => (await status(id)) === 'open');
    return id;
  }

  /** A draft of the applicant's organization, complete and declared: ready to submit. */
  async function draft(session: Session, programId: string): Promise<string> {
    const created = await http().post(`/api/v1/programs/${programId}/applications`).set(session.headers).expect(201);
    const id = created.body.id as string;
    await http().put(`/api/v1/applications/${id}/achievements`).set(session.headers).send({ achievements: [nationalStandardLead('a1')] }).expect(200);
    await http().post(`/api/v1/applications/${id}/declaration`).set(session.headers).send({ accepted: true, statement: '本单位承诺所报材料真实、完整。' }).expect(200);
    return id;
  }

  const submit = (session: Session, applicationId: string, key: string) =>
    http().post(`/api/v1/applications/${applicationId}/submit`).set(session.headers).set('Idempotency-Key', key);

  it('extends an open call: the old close job does nothing, a draft is submitted after the old closing time, the new job closes it', async () => {
    const oldClose = new Date('2024-03-31T17:00:00+08:00');
    const newClose = new Date('2024-04-07T17:00:00+08:00');
    const programId = await openCall('2024年度标准化资助（延期）', new Date('2024-03-01T09:00:00+08:00'), oldClose);
    const draftA = await draft(applicantA, programId);
    const draftB = await draft(applicantB, programId);

    // Only a program officer manages a call; the body is checked field by field.
    await http().post(`/api/v1/programs/${programId}/window`).set(applicantA.headers).send({ closesAt: newClose.toISOString(), reason: '延期' }).expect(403);
    const noReason = await http().post(`/api/v1/programs/${programId}/window`).set(officer.headers).send({ closesAt: newClose.toISOString() }).expect(400);
    expect(noReason.body.details.map((d: { path: string }) => d.path)).toContain('reason');
    const movedOpening = await http()
      .post(`/api/v1/programs/${programId}/window`)
      .set(officer.headers)
      .send({ opensAt: '2024-03-02T09:00:00+08:00', closesAt: newClose.toISOString(), reason: '延期' })
      .expect(400);
    expect(movedOpening.body.details.map((d: { path: string }) => d.path)).toEqual(['opensAt']);

    const reason = '部分单位反映材料准备时间不足，申报截止时间延期一周';
    const extended = await http().post(`/api/v1/programs/${programId}/window`).set(officer.headers).send({ closesAt: newClose.toISOString(), reason }).expect(200);
    expect(extended.body).toMatchObject({ status: 'open', window: { closesAt: newClose.toISOString() } });
    const jobs = await closeJobs(programId);
    expect(jobs.map((j) => [j.run_at.getTime(), j.done])).toEqual([
      [oldClose.getTime(), false],
      [newClose.getTime(), false],
    ]);

    // The old closing time passes: its job runs (the real worker) and does nothing.
    clock.set(new Date(oldClose.getTime() + minutes(1)));
    await waitFor('the old close job to complete', async () => (await closeJobs(programId))[0].done);
    expect(await status(programId)).toBe('open');
    const late = await submit(applicantA, draftA, 'running-call-extended-a').expect(200);
    expect(late.body.status).toBe('formal_check');

    // At the new closing time the new job closes the call, and a draft is refused from then on.
    clock.set(new Date(newClose.getTime() + minutes(1)));
    await waitFor('the new close job to close the call', async () => (await status(programId)) === 'closed');
    expect((await submit(applicantB, draftB, 'running-call-extended-b').expect(409)).body.code).toBe('window_closed');
    expect((await closeJobs(programId)).every((j) => j.done)).toBe(true);

    expect(await actions(programId)).toEqual(['program.created', 'program.scheduled', 'program.opened', 'program.window-changed', 'program.closed']);
    const [audit] = await rows<{ reason: string; actor_id: string; actor_role: string; data: { change: string; from: { closesAt: string }; to: { closesAt: string } } }>(
      `select reason, actor_id, actor_role, data from audit_log where entity_id = $1 and action = 'program.window-changed'`,
      [programId],
    );
    expect(audit).toMatchObject({ reason, actor_id: ids.officer, actor_role: 'program_officer' });
    expect(audit.data).toMatchObject({ change: 'extended', from: { closesAt: oldClose.toISOString() }, to: { closesAt: newClose.toISOString() } });
    expect(await told(programId, 'program.window-changed')).toEqual([ids.applicantA, ids.applicantB, ids.officer].sort());
    const [notice] = await rows<{ body: string; organization_id: string | null }>(
      `select body, organization_id from notifications where entity_id = $1 and kind = 'program.window-changed' and user_id = $2`,
      [programId, ids.applicantA],
    );
    expect(notice.organization_id).toBe(orgA);
    expect(notice.body).toContain(reason);
    expect(notice.body).toContain('2024-04-07 17:00 CST');
  }, 90_000);

  it('shortens an open call, never into the past nor outside the text; the new close job closes it early, the old one then does nothing', async () => {
    const opensAt = new Date('2024-05-06T09:00:00+08:00');
    const oldClose = new Date('2024-05-31T17:00:00+08:00');
    const programId = await openCall('2024年度标准化资助（缩短）', opensAt, oldClose);
    await draft(applicantB, programId);

    const past = await http().post(`/api/v1/programs/${programId}/window`).set(officer.headers).send({ closesAt: '2024-05-06T08:00:00+08:00', reason: '缩短' }).expect(400);
    expect(past.body.code).toBe('validation_failed');
    expect(past.body.details.map((d: { path: string }) => d.path)).toEqual(['closesAt', 'closesAt']);
    // tianjin-2021 is in force until 2024-08-28: a window may not run past its text.
    const beyond = await http().post(`/api/v1/programs/${programId}/window`).set(officer.headers).send({ closesAt: '2024-08-29T17:00:00+08:00', reason: '延期' }).expect(422);
    expect(beyond.body.code).toBe('contradicts_policy');
    expect(beyond.body.details.map((d: { path: string }) => d.path)).toEqual(['closesAt']);
    expect(await actions(programId)).toEqual(['program.created', 'program.scheduled', 'program.opened']);

    const newClose = new Date('2024-05-20T17:00:00+08:00');
    const reason = '资金额度已基本用完，提前截止';
    const shortened = await http().post(`/api/v1/programs/${programId}/window`).set(officer.headers).send({ closesAt: newClose.toISOString(), reason }).expect(200);
    expect(shortened.body.window.closesAt).toBe(newClose.toISOString());

    clock.set(new Date(newClose.getTime() + minutes(1)));
    await waitFor('the shortened call to close', async () => (await status(programId)) === 'closed');
    clock.set(new Date(oldClose.getTime() + minutes(1)));
    await waitFor('the old close job to complete', async () => (await closeJobs(programId)).every((j) => j.done));
    expect(await actions(programId)).toEqual(['program.created', 'program.scheduled', 'program.opened', 'program.window-changed', 'program.closed']);
    const [audit] = await rows<{ reason: string; data: { change: string } }>(
      `select reason, data from audit_log where entity_id = $1 and action = 'program.window-changed'`,
      [programId],
    );
    expect(audit).toMatchObject({ reason, data: { change: 'shortened' } });
    expect(await told(programId, 'program.window-changed')).toEqual([ids.applicantB, ids.officer].sort());
  }, 90_000);

  it('closes a call early (a later submission is refused with window_closed), then reopens it for drafts until a new closing time', async () => {
    const opensAt = new Date('2024-06-03T09:00:00+08:00');
    const scheduledClose = new Date('2024-06-28T17:00:00+08:00');
    const programId = await openCall('2024年度标准化资助（提前截止与重新开放）', opensAt, scheduledClose);
    const draftA = await draft(applicantA, programId);
    await http().post(`/api/v1/programs/${programId}/reopen`).set(officer.headers).send({ closesAt: '2024-07-05T17:00:00+08:00', reason: '重新开放' }).expect(409);

    clock.set(new Date('2024-06-10T12:00:00+08:00'));
    const closeReason = '上级通知暂停受理，提前截止';
    await http().post(`/api/v1/programs/${programId}/close`).set(applicantA.headers).send({ reason: closeReason }).expect(403);
    const closed = await http().post(`/api/v1/programs/${programId}/close`).set(officer.headers).send({ reason: closeReason }).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', window: { closesAt: new Date('2024-06-10T12:00:00+08:00').toISOString() } });
    await http().post(`/api/v1/programs/${programId}/close`).set(officer.headers).send({ reason: closeReason }).expect(409);
    clock.set(new Date('2024-06-10T12:05:00+08:00'));
    const refused = await submit(applicantA, draftA, 'running-call-closed-early').expect(409);
    expect(refused.body.code).toBe('window_closed');
    expect(refused.body.message).toContain('2024-06-10 12:00');
    // An extension is refused once closed: a closed call is reopened instead.
    await http().post(`/api/v1/programs/${programId}/window`).set(officer.headers).send({ closesAt: '2024-07-05T17:00:00+08:00', reason: '延期' }).expect(409);

    const reopenReason = '暂停原因已消除，重新开放申报以便补充材料后提交';
    const reopenAt = new Date('2024-07-05T17:00:00+08:00');
    await http().post(`/api/v1/programs/${programId}/reopen`).set(officer.headers).send({ closesAt: '2024-06-10T12:00:00+08:00', reason: reopenReason }).expect(400);
    const reopened = await http().post(`/api/v1/programs/${programId}/reopen`).set(officer.headers).send({ closesAt: reopenAt.toISOString(), reason: reopenReason }).expect(200);
    expect(reopened.body).toMatchObject({ status: 'open', window: { opensAt: opensAt.toISOString(), closesAt: reopenAt.toISOString() } });
    expect((await submit(applicantA, draftA, 'running-call-reopened').expect(200)).body.status).toBe('formal_check');

    // The close job of the first schedule comes due and does nothing; the reopened window's own job closes it.
    clock.set(new Date(scheduledClose.getTime() + minutes(1)));
    await waitFor('the first close job to complete', async () => (await closeJobs(programId))[0].done);
    expect(await status(programId)).toBe('open');
    clock.set(new Date(reopenAt.getTime() + minutes(1)));
    await waitFor('the reopened call to close', async () => (await status(programId)) === 'closed');

    expect(await actions(programId)).toEqual(['program.created', 'program.scheduled', 'program.opened', 'program.closed-early', 'program.reopened', 'program.closed']);
    const audits = await rows<{ action: string; reason: string; actor_id: string }>(
      `select action, reason, actor_id from audit_log where entity_id = $1 and action in ('program.closed-early', 'program.reopened') order by seq`,
      [programId],
    );
    expect(audits).toEqual([
      { action: 'program.closed-early', reason: closeReason, actor_id: ids.officer },
      { action: 'program.reopened', reason: reopenReason, actor_id: ids.officer },
    ]);
    expect(await told(programId, 'program.closed-early')).toEqual([ids.applicantA, ids.officer].sort());
    expect(await told(programId, 'program.reopened')).toEqual([ids.applicantA, ids.officer].sort());
  }, 120_000);

  it("changes a stage's deadline for applications entering it from then on, audited and told to applicants, officers and reviewers", async () => {
    const programId = await openCall('2024年度标准化资助（期限调整）', new Date('2024-07-08T09:00:00+08:00'), new Date('2024-07-31T17:00:00+08:00'));
    const draftB = await draft(applicantB, programId);
    await submit(applicantB, draftB, 'running-call-deadline-b').expect(200);

    const bad = await http().put(`/api/v1/programs/${programId}/stage-deadlines/publicity`).set(officer.headers).send({ workingDays: 5, reason: '调整' }).expect(400);
    expect(bad.body.details.map((d: { path: string }) => d.path)).toEqual(['stage']);
    const zero = await http().put(`/api/v1/programs/${programId}/stage-deadlines/correction`).set(officer.headers).send({ workingDays: 0, reason: '调整' }).expect(400);
    expect(zero.body.details.map((d: { path: string }) => d.path)).toEqual(['workingDays']);
    await http().put(`/api/v1/programs/${programId}/stage-deadlines/correction`).set(outsider.headers).send({ workingDays: 15, reason: '调整' }).expect(403);

    const reason = '材料补正涉及第三方检测报告，补正期限延长至15个工作日';
    const changed = await http().put(`/api/v1/programs/${programId}/stage-deadlines/correction`).set(officer.headers).send({ workingDays: 15, reason }).expect(200);
    expect(changed.body.review.correctionWorkingDays).toBe(15);
    const formal = await http().put(`/api/v1/programs/${programId}/stage-deadlines/formal_check`).set(officer.headers).send({ workingDays: 8, reason: '形式审查工作量大' }).expect(200);
    expect(formal.body.review).toMatchObject({ formalCheckWorkingDays: 8, correctionWorkingDays: 15 });

    const audits = await rows<{ reason: string; data: { stage: string; from: number; to: number } }>(
      `select reason, data from audit_log where entity_id = $1 and action = 'program.stage-deadline-changed' order by seq`,
      [programId],
    );
    expect(audits).toMatchObject([
      { reason, data: { stage: 'correction', from: 10, to: 15 } },
      { reason: '形式审查工作量大', data: { stage: 'formal_check', from: 5, to: 8 } },
    ]);
    const notices = await rows<{ user_id: string; subject: string }>(
      `select user_id, subject from notifications where entity_id = $1 and kind = 'program.stage-deadline-changed' order by subject, user_id`,
      [programId],
    );
    expect(notices.filter((n) => n.subject.includes('补正')).map((n) => n.user_id)).toEqual([ids.applicantB, ids.officer, ids.reviewer].sort());
    expect(notices.filter((n) => n.subject.includes('形式审查')).map((n) => n.user_id)).toEqual([ids.applicantB, ids.officer].sort());
  }, 90_000);
  it('moves the whole window of a scheduled call: the open and close jobs of the old instants do nothing, the new ones open and close it', async () => {
    const body = validProgramBody();
    body.title = '2024年度标准化资助（推迟开始）';
    body.window = { kind: 'batch', opensAt: '2024-08-01T09:00:00+08:00', closesAt: '2024-08-20T17:00:00+08:00' };
    const created = await http().post('/api/v1/programs').set(officer.headers).send(body).expect(201);
    const programId = created.body.id as string;
    await http().post(`/api/v1/programs/${programId}/window`).set(officer.headers).send({ closesAt: '2024-08-25T17:00:00+08:00', reason: '草稿' }).expect(409);
    await http().post(`/api/v1/programs/${programId}/schedule`).set(officer.headers).expect(200);

    const opensAt = new Date('2024-08-05T09:00:00+08:00');
    const closesAt = new Date('2024-08-25T17:00:00+08:00');
    const reason = '申报系统升级，开始受理时间顺延';
    const moved = await http().post(`/api/v1/programs/${programId}/window`).set(officer.headers).send({ opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString(), reason }).expect(200);
    expect(moved.body).toMatchObject({ status: 'scheduled', window: { opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() } });

    const openJobs = () =>
      rows<{ run_at: Date; done: boolean }>(
        `select run_at, completed_at is not null as done from outbox where job_name = 'program.open' and payload->>'programId' = $1 order by run_at`,
        [programId],
      );
    clock.set(new Date('2024-08-01T09:01:00+08:00'));
    await waitFor('the old open job to complete', async () => (await openJobs())[0].done);
    expect(await status(programId)).toBe('scheduled');
    clock.set(new Date(opensAt.getTime() + minutes(1)));
    await waitFor('the new open job to open the call', async () => (await status(programId)) === 'open');
    clock.set(new Date('2024-08-20T17:01:00+08:00'));
    await waitFor('the old close job to complete', async () => (await closeJobs(programId))[0].done);
    expect(await status(programId)).toBe('open');
    clock.set(new Date(closesAt.getTime() + minutes(1)));
    await waitFor('the new close job to close the call', async () => (await status(programId)) === 'closed');

    expect((await openJobs()).map((j) => j.done)).toEqual([true, true]);
    expect(await actions(programId)).toEqual(['program.created', 'program.scheduled', 'program.window-changed', 'program.opened', 'program.closed']);
    expect(await told(programId, 'program.window-changed')).toEqual([ids.officer]);
  }, 90_000);
});
