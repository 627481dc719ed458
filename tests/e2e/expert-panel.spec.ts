import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import { AppConfig } from '@subsidy/config';
import { drawPanel, PanelDraw } from '@subsidy/review';
import { ReviewSettings } from '@subsidy/workflow';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { createWorker } from '../../apps/worker/src/create-worker';
import {
  asSuperuser,
  createApplication,
  createOrganization,
  createProgram,
  createTenant,
  createUser,
  login,
  makeUscc,
  nationalStandardLead,
  reviewSettings,
  Session,
  UserFixture,
} from '../support/factories';
import { waitFor } from '../support/polling';
import { deleteRedisKeys } from '../support/redis-keys';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const TENANT = 'foshan';
const CHANCHENG = '440604';
const POLL_MS = 50;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = new Date('2023-05-10T09:00:00+08:00');

const foshanReview: ReviewSettings = reviewSettings({
  stages: { formal_check: true, district_review: true, technical_review: false, expert_review: true },
  panel: {
    size: 2,
    quorum: 2,
    scoringDays: 7,
    reminderHoursBefore: 24,
    combine: 'mean',
    rubric: {
      criteria: [
        { key: 'innovation', label: '创新性', maxPoints: 5000 },
        { key: 'impact', label: '行业影响', maxPoints: 5000 },
      ],
    },
  },
});

/**
 * The expert panel of a Foshan-like program (policy foshan-2018): a seeded draw that excludes experts affiliated with
 * the applicant or a co-drafting unit, conflicts and replacements, scoring within the engine ceilings, the quorum,
 * completion, and the scoring deadline run by the real worker on a shared manual clock.
 */
describe('expert panel over HTTP and the worker', () => {
  let db: TestDatabase;
  let config: AppConfig;
  let app: INestApplication;
  let worker: INestApplicationContext | undefined;
  let officer: Session;
  const clock = new ManualClock(START);
  const http = () => request(app.getHttpServer());
  /** Expert -> the USCC of the unit they are affiliated with. */
  const units = { A: makeUscc(), B: makeUscc(), C: makeUscc(), D: makeUscc(), E: makeUscc() };
  const experts = {} as Record<keyof typeof units, UserFixture & { session: Session }>;
  const name = (id: string) => (Object.keys(experts) as Array<keyof typeof units>).find((k) => experts[k].id === id);



  /**
   * A Foshan program per year. Foshan 第十二条 excludes the experts of every applicant of the year
   * (expert-year-exclusion.spec.ts); this spec is about the exclusion tied to one application, so each scenario's
   * applications sit in a year of their own, where they are the only applicants.
   */
  const programsByYear = new Map<number, string>();
  async function programOf(year: number): Promise<string> {
    if (!programsByYear.has(year)) {
      programsByYear.set(year, (await createProgram(db, { tenantId: TENANT, policyId: 'foshan-2018', year, review: foshanReview })).id);
    }
    return programsByYear.get(year)!;
  }

  /** An application in expert review by an organization with the given USCC, claiming standards co-drafted by `coDrafters`. */
  async function applicationInExpertReview(applicantUscc: string, coDrafters: string[], year = 2023) {
    const org = await createOrganization(db, { tenantId: TENANT, districtCode: CHANCHENG, uscc: applicantUscc });
    await createUser(db, { tenantId: TENANT, role: 'applicant', organizationId: org.id });
    return createApplication(db, {
      tenantId: TENANT,
      programId: await programOf(year),
      organizationId: org.id,
      districtCode: CHANCHENG,
      status: 'expert_review',
      submittedAt: new Date(`${year}-03-20T10:00:00+08:00`),
      achievements: [
        { ...nationalStandardLead('a1', `${year - 1}-06-01`), coDraftingUsccs: coDrafters },
        { ...nationalStandardLead('a2', `${year - 1}-06-01`), level: 'industry', standardNo: `JB/T 40002-${year - 1}` },
      ],
    });
  }

  const panelRow = async (applicationId: string) =>
    (await asSuperuser(db, (c) => c.query<{ seed: string; draw: PanelDraw; due_at: Date; combined_score: number | null }>(`select seed, draw, due_at, combined_score from panels where application_id = $1`, [applicationId]))).rows[0];
  const members = async (applicationId: string) =>
    (await asSuperuser(db, (c) => c.query<{ expert_id: string; status: string; round: number }>(`select expert_id, status, round from panel_members where application_id = $1 order by round, expert_id`, [applicationId]))).rows.map(
      (m) => ({ expert: name(m.expert_id), status: m.status, round: m.round }),
    );
  const notified = async (applicationId: string, kind: string) =>
    (await asSuperuser(db, (c) => c.query<{ user_id: string }>(`select user_id from notifications where entity_id = $1 and kind = $2 order by user_id`, [applicationId, kind]))).rows.map((r) => r.user_id);
  const pool = () => (Object.keys(units) as Array<keyof typeof units>).map((k) => ({ id: experts[k].id, name: `Test ${experts[k].username}`, usccs: [units[k]] }));

  const sheet = (innovation: number, impact: number, a1: number, a2: number) => ({ scores: { innovation, impact }, amounts: { a1, a2 }, comment: '意见' });

  beforeAll(async () => {
    db = await createTestDatabase();
    config = { ...db.config, outbox: { pollMs: POLL_MS } };
    app = await createApp(config, { clock });
    await createTenant(db, { id: TENANT, divisionCode: '440600', districts: [{ code: CHANCHENG, nameZh: '禅城区' }] });
    officer = await login(app, await createUser(db, { tenantId: TENANT, role: 'program_officer' }));
    for (const key of Object.keys(units) as Array<keyof typeof units>) {
      const user = await createUser(db, { tenantId: TENANT, role: 'expert' });
      experts[key] = { ...user, session: await login(app, user) };
      await http()
        .put(`/api/v1/experts/${user.id}/profile`)
        .set(officer.headers)
        .send({ field: '标准化', affiliatedUsccs: [units[key]], active: true })
        .expect(200);
    }
  });

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    if (config) await deleteRedisKeys(config);
    await db?.drop();
  });

  describe('the expert pool', () => {
    it('lists the profiles and refuses an invalid code naming the field', async () => {
      const list = await http().get('/api/v1/experts').set(officer.headers).expect(200);
      expect(list.body.items).toHaveLength(5);
      expect(list.body.items.find((p: { userId: string }) => p.userId === experts.A.id)).toMatchObject({ affiliatedUsccs: [units.A], active: true, field: '标准化' });
      const bad = await http().put(`/api/v1/experts/${experts.A.id}/profile`).set(officer.headers).send({ affiliatedUsccs: ['91440604MA4UABCD1'], active: true }).expect(400);
      expect(bad.body.details[0].path).toBe('affiliatedUsccs');
      await http().put(`/api/v1/experts/${experts.A.id}/profile`).set(experts.B.session.headers).send({ affiliatedUsccs: [], active: true }).expect(403);
      const notAnExpert = await createUser(db, { tenantId: TENANT, role: 'technical_reviewer' });
      const missing = await http().put(`/api/v1/experts/${notAnExpert.id}/profile`).set(officer.headers).send({ affiliatedUsccs: [], active: true }).expect(404);
      expect(missing.body.code).toBe('expert_not_found');
      await http().get('/api/v1/experts').set(experts.B.session.headers).expect(403);
    });
  });

  describe('the scoring deadline, run by the worker', () => {
    it('reminds the expert who has not scored, then releases them at the deadline and draws a replacement for a new round', async () => {
      const application = await applicationInExpertReview(makeUscc(), []);
      const drawn = await http().post(`/api/v1/applications/${application.id}/panel`).set(officer.headers).expect(201);
      const dueAt = new Date(drawn.body.dueAt);
      expect(dueAt).toEqual(new Date(START.getTime() + 7 * DAY));
      const [scorer, idler] = drawn.body.members.map((m: { expertId: string }) => name(m.expertId)) as Array<keyof typeof units>;
      await http().post(`/api/v1/applications/${application.id}/expert-declaration`).set(experts[scorer].session.headers).send({ noConflict: true }).expect(200);
      await http().put(`/api/v1/applications/${application.id}/panel/score`).set(experts[scorer].session.headers).send(sheet(4000, 4000, 40_000_000, 30_000_000)).expect(200);

      worker = await createWorker(config, { clock });
      const jobDone = (job: string, round: number) => async () =>
        (await asSuperuser(db, (c) => c.query(`select 1 from outbox where job_name = $1 and payload->>'applicationId' = $2 and (payload->>'round')::int = $3 and completed_at is not null`, [job, application.id, round]))).rowCount === 1;

      clock.set(new Date(dueAt.getTime() - 23 * HOUR));
      await waitFor('the reminder', jobDone('panel.reminder', 0));
      expect(await notified(application.id, 'panel.reminder')).toEqual([experts[idler].id]);
      expect(await members(application.id)).toEqual(expect.arrayContaining([{ expert: idler, status: 'invited', round: 0 }]));

      clock.set(new Date(dueAt.getTime() + 1_000));
      await waitFor('the deadline', jobDone('panel.deadline', 0));
      const after = await members(application.id);
      expect(after.filter((m) => m.round === 0)).toEqual(expect.arrayContaining([{ expert: scorer, status: 'scored', round: 0 }, { expert: idler, status: 'declined', round: 0 }]));
      const added = after.filter((m) => m.round === 1);
      expect(added).toHaveLength(1);
      expect(added[0].status).toBe('invited');
      const panel = await panelRow(application.id);
      expect(panel.draw.round).toBe(1);
      expect(panel.draw.declinedIds).toEqual([experts[idler].id]);
      expect(panel.due_at).toEqual(new Date(dueAt.getTime() + 1_000 + 7 * DAY));
      const newcomer = experts[added[0].expert as keyof typeof units];
      expect(await notified(application.id, 'panel.invited')).toEqual(expect.arrayContaining([newcomer.id]));
      const nextJobs = await asSuperuser(db, (c) =>
        c.query(`select job_name, run_at from outbox where payload->>'applicationId' = $1 and (payload->>'round')::int = 1 order by job_name`, [application.id]),
      );
      expect(nextJobs.rows).toEqual([
        { job_name: 'panel.deadline', run_at: panel.due_at },
        { job_name: 'panel.reminder', run_at: new Date(panel.due_at.getTime() - 24 * HOUR) },
      ]);

      // A job of the replaced round (e.g. a stray redelivery) does nothing.
      const stale = await asSuperuser(db, (c) =>
        c.query<{ id: string }>(`insert into outbox (tenant_id, queue, job_name, payload, run_at) values ($1, 'workflow', 'panel.deadline', $2, $3) returning id`, [
          TENANT,
          JSON.stringify({ tenantId: TENANT, applicationId: application.id, round: 0 }),
          clock.now(),
        ]),
      );
      await waitFor('the stale job', async () => (await asSuperuser(db, (c) => c.query(`select 1 from outbox where id = $1 and completed_at is not null`, [stale.rows[0].id]))).rowCount === 1);
      expect(await members(application.id)).toEqual(after);
      await worker.close();
      worker = undefined;
    });
  });

  describe('drawing, conflicts, scoring and completion', () => {
    let applicationId: string;
    let drawn: string[];
    const applicantUscc = units.A;
    const coDrafter = units.B;

    it('excludes the experts affiliated with the applicant and with a co-drafting unit, and the draw replays', async () => {
      applicationId = (await applicationInExpertReview(applicantUscc, [coDrafter], 2022)).id;
      await http().post(`/api/v1/applications/${applicationId}/panel`).set(experts.C.session.headers).expect(403);
      const response = await http().post(`/api/v1/applications/${applicationId}/panel`).set(officer.headers).expect(201);
      expect(response.body.excluded.map((x: { expertId: string; reasons: Array<{ code: string }> }) => [name(x.expertId), x.reasons.map((r) => r.code)])).toEqual(
        expect.arrayContaining([
          ['A', ['affiliated_uscc']],
          ['B', ['affiliated_uscc']],
        ]),
      );
      expect(response.body.excluded).toHaveLength(2);
      drawn = response.body.members.map((m: { expertId: string }) => m.expertId);
      expect(drawn).toHaveLength(2);
      expect(drawn.map(name).every((k: string | undefined) => k === 'C' || k === 'D' || k === 'E')).toBe(true);

      const panel = await panelRow(applicationId);
      expect(panel.seed).toBe(`${applicationId}:${await programOf(2022)}`);
      const replay = drawPanel({ pool: pool(), size: 2, seed: panel.seed, exclude: panel.draw.exclusion });
      expect(replay.panel.map((e) => e.id)).toEqual(panel.draw.panel.map((e) => e.id));
      expect(panel.draw.exclusion.usccs).toEqual([applicantUscc, coDrafter].sort());

      const audit = await asSuperuser(db, (c) => c.query(`select data from audit_log where entity_id = $1 and action = 'application.panel-drawn'`, [applicationId]));
      expect(audit.rows[0].data.excluded).toEqual(
        expect.arrayContaining([{ expertId: experts.B.id, reasons: [{ code: 'affiliated_uscc', uscc: coDrafter, sources: ['co_drafting:a1'] }] }]),
      );
      expect((await notified(applicationId, 'panel.invited')).sort()).toEqual([...drawn].sort());
      await http().post(`/api/v1/applications/${applicationId}/panel`).set(officer.headers).expect(409);
    });

    it("shows a panel expert their assignment with the items' engine ceilings", async () => {
      const expert = experts[name(drawn[0]) as keyof typeof units];
      const response = await http().get('/api/v1/experts/me/assignments').set(expert.session.headers).expect(200);
      const assignment = response.body.items.find((a: { applicationId: string }) => a.applicationId === applicationId);
      expect(assignment.items.map((i: { achievementId: string; ceilingFen: number; basis: string }) => [i.achievementId, i.ceilingFen, i.basis])).toEqual([
        ['a1', 50_000_000, 'ceiling'],
        ['a2', 30_000_000, 'ceiling'],
      ]);
      expect(assignment.rubric).toHaveLength(2);
      const outsider = await http().get('/api/v1/experts/me/assignments').set(experts.A.session.headers).expect(200);
      expect(outsider.body.items.find((a: { applicationId: string }) => a.applicationId === applicationId)).toBeUndefined();
    });

    it('replaces an expert who declares a conflict with the remaining eligible expert', async () => {
      const leaving = drawn[0];
      const leaver = experts[name(leaving) as keyof typeof units];
      await http().post(`/api/v1/applications/${applicationId}/panel/conflict`).set(experts.A.session.headers).send({ reason: '不是评审组成员' }).expect(403);
      const response = await http().post(`/api/v1/applications/${applicationId}/panel/conflict`).set(leaver.session.headers).send({ reason: '本人参与过该标准的起草' }).expect(200);
      const remaining = ['C', 'D', 'E'].map((k) => experts[k as keyof typeof units].id).find((id) => !drawn.includes(id));
      expect(response.body).toEqual({ applicationId, replacedBy: [remaining], shortfall: 0 });
      const conflicts = await asSuperuser(db, (c) => c.query(`select user_id, reason from expert_conflicts where application_id = $1`, [applicationId]));
      expect(conflicts.rows).toEqual([{ user_id: leaving, reason: '本人参与过该标准的起草' }]);
      expect(await members(applicationId)).toEqual(
        expect.arrayContaining([{ expert: name(leaving), status: 'removed', round: 0 }, { expert: name(remaining ?? ''), status: 'invited', round: 1 }]),
      );
      await http().put(`/api/v1/applications/${applicationId}/panel/score`).set(leaver.session.headers).send(sheet(4000, 4000, 1, 1)).expect(403);
      drawn = [drawn[1], remaining ?? ''];
    });

    it('refuses amounts above the engine ceiling and bad score sheets, naming the fields', async () => {
      const expert = experts[name(drawn[0]) as keyof typeof units];
      await http().post(`/api/v1/applications/${applicationId}/expert-declaration`).set(expert.session.headers).send({ noConflict: true }).expect(200);
      const above = await http().put(`/api/v1/applications/${applicationId}/panel/score`).set(expert.session.headers).send(sheet(4000, 4000, 50_000_001, 30_000_000)).expect(400);
      expect(above.body.details).toEqual([{ path: 'amounts.a1', message: '500000.01 元超过该项的上限 500000.00 元' }]);
      const bad = await http()
        .put(`/api/v1/applications/${applicationId}/panel/score`)
        .set(expert.session.headers)
        .send({ scores: { innovation: 6000 }, amounts: { a1: 1, zz: 2 } })
        .expect(400);
      expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['amounts.a2', 'amounts.zz', 'scores.impact', 'scores.innovation']);
      await http().put(`/api/v1/applications/${applicationId}/panel/score`).set(officer.headers).send(sheet(4000, 4000, 1, 1)).expect(403);
    });

    it('completes only with the quorum, combining the amounts per item and the scores', async () => {
      const [first, second] = drawn.map((id) => experts[name(id) as keyof typeof units]);
      for (const expert of [first, second]) await http().post(`/api/v1/applications/${applicationId}/expert-declaration`).set(expert.session.headers).send({ noConflict: true }).expect(200);
      await http().put(`/api/v1/applications/${applicationId}/panel/score`).set(first.session.headers).send(sheet(4000, 3500, 40_000_000, 30_000_000)).expect(200);
      const early = await http().post(`/api/v1/applications/${applicationId}/expert-review/complete`).set(officer.headers).expect(409);
      expect(early.body.message).toBe('已有 1 位专家评分，须达到 2 位');
      await http().put(`/api/v1/applications/${applicationId}/panel/score`).set(second.session.headers).send(sheet(4500, 4000, 50_000_000, 20_000_001)).expect(200);
      await http().post(`/api/v1/applications/${applicationId}/expert-review/complete`).set(first.session.headers).expect(403);
      const done = await http().post(`/api/v1/applications/${applicationId}/expert-review/complete`).set(officer.headers).expect(200);
      expect(done.body).toMatchObject({ status: 'awaiting_decision', combinedScore: 8000, scorers: 2 });
      const opinions = await asSuperuser(db, (c) =>
        c.query(`select achievement_id, opinion, amount_fen::int as amount from item_opinions where application_id = $1 and stage = 'expert_review' order by achievement_id`, [applicationId]),
      );
      // a2: floor((30 000 000 + 20 000 001) / 2) = 25 000 000: the mean never rounds a fen up.
      expect(opinions.rows).toEqual([
        { achievement_id: 'a1', opinion: 'reduce', amount: 45_000_000 },
        { achievement_id: 'a2', opinion: 'reduce', amount: 25_000_000 },
      ]);
      expect((await panelRow(applicationId)).combined_score).toBe(8000);
      await http().post(`/api/v1/applications/${applicationId}/expert-review/complete`).set(officer.headers).expect(409);
    });

    it('keeps going with fewer experts when the pool is exhausted, and tells the officer', async () => {
      // Only A and B are eligible here (C is the applicant's unit, D and E co-drafted the standard).
      const application = await applicationInExpertReview(units.C, [units.D, units.E], 2021);
      const response = await http().post(`/api/v1/applications/${application.id}/panel`).set(officer.headers).expect(201);
      expect(response.body.members.map((m: { expertId: string }) => name(m.expertId)).sort()).toEqual(['A', 'B']);
      const conflict = await http().post(`/api/v1/applications/${application.id}/panel/conflict`).set(experts.A.session.headers).send({ reason: '与申请单位有合作' }).expect(200);
      expect(conflict.body).toEqual({ applicationId: application.id, replacedBy: [], shortfall: 1 });
      const officers = await asSuperuser(db, (c) => c.query(`select u.role from notifications n join users u on u.id = n.user_id where n.entity_id = $1 and n.kind = 'panel.pool-exhausted'`, [application.id]));
      expect(officers.rows).toEqual([{ role: 'program_officer' }]);
      expect((await panelRow(application.id)).draw.panel.map((e) => name(e.id))).toEqual(['B']);
    });

    it('refuses to draw outside the expert review (409) and scoring after the deadline (409)', async () => {
      const org = await createOrganization(db, { tenantId: TENANT, districtCode: CHANCHENG });
      const early = await createApplication(db, { tenantId: TENANT, programId: await programOf(2020), organizationId: org.id, districtCode: CHANCHENG, status: 'district_review' });
      await http().post(`/api/v1/applications/${early.id}/panel`).set(officer.headers).expect(409);
      const late = await applicationInExpertReview(makeUscc(), [], 2020);
      const response = await http().post(`/api/v1/applications/${late.id}/panel`).set(officer.headers).expect(201);
      const member = experts[name(response.body.members[0].expertId) as keyof typeof units];
      clock.set(new Date(new Date(response.body.dueAt).getTime() + 1));
      const closed = await http().put(`/api/v1/applications/${late.id}/panel/score`).set(member.session.headers).send(sheet(1, 1, 0, 0)).expect(409);
      expect(closed.body.message).toContain('评分期限已过');
    });
  });
});
