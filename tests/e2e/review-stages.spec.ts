import { INestApplication } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import { ApplicationStatus, ReviewSettings } from '@subsidy/workflow';
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
  reviewSettings,
  Session,
} from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const TENANT = 'weihai';
const HUANCUI = '371002';
const WENDENG = '371003';
/** Monday 2025-09-29 in China: five working days later, across the National Day holiday (Oct 1-8) and the make-up Saturday Oct 11, is Monday Oct 13. */
const MONDAY_BEFORE_NATIONAL_DAY = new Date('2025-09-29T10:00:00+08:00');

describe('review stages over HTTP: formal check, district review, technical review', () => {
  let db: TestDatabase;
  let app: INestApplication;
  const clock = new ManualClock(MONDAY_BEFORE_NATIONAL_DAY);
  let programId: string;
  let cityProgramId: string;
  const sessions: Record<'officer' | 'huancui' | 'wendeng' | 'technical' | 'expert', Session> = {} as Record<'officer' | 'huancui' | 'wendeng' | 'technical' | 'expert', Session>;
  const http = () => request(app.getHttpServer());

  const allStages: ReviewSettings = reviewSettings({
    stages: { formal_check: true, district_review: true, technical_review: true, expert_review: false },
    correctionWorkingDays: 5,
  });

  /** A fresh organization in Huancui (or the given district) with one application in `status`. */
  async function newApplication(status: ApplicationStatus, options: { districtCode?: string; program?: string; achievements?: Array<Record<string, unknown> & { id: string }> } = {}) {
    const districtCode = options.districtCode ?? HUANCUI;
    const org = await createOrganization(db, { tenantId: TENANT, districtCode });
    const applicant = await createUser(db, { tenantId: TENANT, role: 'applicant', organizationId: org.id });
    const application = await createApplication(db, {
      tenantId: TENANT,
      programId: options.program ?? programId,
      organizationId: org.id,
      districtCode,
      status,
      achievements: options.achievements ?? [nationalStandardLead('a1', '2023-06-01')],
    });
    return { ...application, applicantId: applicant.id };
  }

  const row = async (id: string) =>
    (
      await asSuperuser(db, (c) =>
        c.query(`select status, to_char(stage_due_on, 'YYYY-MM-DD') as "dueOn", return_stage as "returnStage", submission_count as round from applications where id = $1`, [id]),
      )
    ).rows[0];
  const steps = async (id: string) =>
    (await asSuperuser(db, (c) => c.query(`select stage, outcome, reasons, missing, to_char(due_on, 'YYYY-MM-DD') as "dueOn", actor_role as "actorRole" from review_steps where application_id = $1 order by created_at`, [id]))).rows;
  const auditActions = async (id: string) =>
    (await asSuperuser(db, (c) => c.query<{ action: string }>(`select action from audit_log where entity_id = $1 order by seq`, [id]))).rows.map((r) => r.action);

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config, { clock });
    await createTenant(db, { id: TENANT, districts: [{ code: HUANCUI, nameZh: '环翠区' }, { code: WENDENG, nameZh: '文登区' }] });
    programId = (await createProgram(db, { tenantId: TENANT, policyId: 'weihai-2020', review: allStages })).id;
    cityProgramId = (await createProgram(db, { tenantId: TENANT, policyId: 'weihai-2020', year: 2023, review: allStages })).id;
    const users = {
      officer: await createUser(db, { tenantId: TENANT, role: 'program_officer' }),
      huancui: await createUser(db, { tenantId: TENANT, role: 'district_reviewer', districtCode: HUANCUI }),
      wendeng: await createUser(db, { tenantId: TENANT, role: 'district_reviewer', districtCode: WENDENG }),
      technical: await createUser(db, { tenantId: TENANT, role: 'technical_reviewer' }),
      expert: await createUser(db, { tenantId: TENANT, role: 'expert' }),
    };
    for (const [key, user] of Object.entries(users)) sessions[key as keyof typeof users] = await login(app, user);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('formal check', () => {
    it('complete passes the application to the district review and records the step', async () => {
      const application = await newApplication('formal_check');
      const response = await http().post(`/api/v1/applications/${application.id}/formal-check`).set(sessions.officer.headers).send({ outcome: 'complete' }).expect(200);
      expect(response.body).toMatchObject({ id: application.id, status: 'district_review' });
      expect(await steps(application.id)).toEqual([{ stage: 'formal_check', outcome: 'complete', reasons: [], missing: [], dueOn: null, actorRole: 'program_officer' }]);
      expect(await auditActions(application.id)).toEqual(['application.formal-check-passed']);
    });

    it('complete skips the district review for a city-reviewed application', async () => {
      const org = await createOrganization(db, { tenantId: TENANT, districtCode: HUANCUI, kind: 'institution' });
      const application = await createApplication(db, { tenantId: TENANT, programId: cityProgramId, organizationId: org.id, districtCode: HUANCUI, status: 'formal_check', reviewLevel: 'city' });
      await http().post(`/api/v1/applications/${application.id}/formal-check`).set(sessions.officer.headers).send({ outcome: 'complete' }).expect(200);
      expect((await row(application.id)).status).toBe('technical_review');
    });

    it('correction counts the deadline in working days across the National Day holiday and schedules the lapse', async () => {
      const application = await newApplication('formal_check');
      const missing = [{ achievementId: 'a1', material: '标准文本', note: '缺少封面页' }, { material: '营业执照' }];
      const response = await http()
        .post(`/api/v1/applications/${application.id}/formal-check`)
        .set(sessions.officer.headers)
        .send({ outcome: 'correction', missing, reason: '材料不全' })
        .expect(200);
      expect(response.body).toMatchObject({ status: 'correction_requested', stageDueOn: '2025-10-13', returnStage: 'formal_check' });
      expect(await steps(application.id)).toEqual([{ stage: 'formal_check', outcome: 'correction', reasons: ['材料不全'], missing, dueOn: '2025-10-13', actorRole: 'program_officer' }]);
      const jobs = await asSuperuser(db, (c) =>
        c.query(`select job_name, payload, run_at from outbox where payload->>'applicationId' = $1`, [application.id]),
      );
      expect(jobs.rows).toEqual([
        { job_name: 'application.correction-lapse', payload: { tenantId: TENANT, applicationId: application.id, round: 1 }, run_at: new Date('2025-10-13T23:59:59.999+08:00') },
      ]);
      const notices = await asSuperuser(db, (c) => c.query(`select user_id, kind, subject, body from notifications where entity_id = $1`, [application.id]));
      expect(notices.rows).toHaveLength(1);
      expect(notices.rows[0]).toMatchObject({ user_id: application.applicantId, kind: 'application.returned-for-correction' });
      expect(notices.rows[0].subject).toContain('2025-10-13');
      expect(notices.rows[0].body).toContain('[a1] 标准文本：缺少封面页');
      expect(notices.rows[0].body).toContain('营业执照');
      expect(await auditActions(application.id)).toEqual(['application.returned-for-correction']);
    });

    it('dates the review history by the application\'s clock, in the order the steps happened even at one instant', async () => {
      const application = await newApplication('formal_check');
      // Both steps at the same instant of the (manual) clock: the history keeps their order and shows that instant.
      await http().post(`/api/v1/applications/${application.id}/formal-check`).set(sessions.officer.headers).send({ outcome: 'complete' }).expect(200);
      await http().post(`/api/v1/applications/${application.id}/district-review`).set(sessions.huancui.headers).send({ outcome: 'forward' }).expect(200);
      const detail = await http().get(`/api/v1/applications/${application.id}`).set(sessions.officer.headers).expect(200);
      const history = detail.body.reviewHistory as Array<{ stage: string; at: string }>;
      expect(history.map((entry) => entry.stage)).toEqual(['formal_check', 'district_review']);
      expect(history.map((entry) => entry.at)).toEqual([clock.now().toISOString(), clock.now().toISOString()]);
    });

    it('refuses a missing material naming an achievement the application does not claim, naming the field', async () => {
      const application = await newApplication('formal_check');
      const response = await http()
        .post(`/api/v1/applications/${application.id}/formal-check`)
        .set(sessions.officer.headers)
        .send({ outcome: 'correction', missing: [{ achievementId: 'zz9', material: '标准文本' }] })
        .expect(400);
      expect(response.body.details).toEqual([{ path: 'missing[0].achievementId', message: 'zz9 is not an achievement of this application' }]);
      expect((await row(application.id)).status).toBe('formal_check');
    });

    it('reject needs a reason, then rejects and tells the applicant', async () => {
      const application = await newApplication('formal_check');
      const bare = await http().post(`/api/v1/applications/${application.id}/formal-check`).set(sessions.officer.headers).send({ outcome: 'reject' }).expect(400);
      expect(bare.body.details[0].path).toBe('reason');
      await http().post(`/api/v1/applications/${application.id}/formal-check`).set(sessions.officer.headers).send({ outcome: 'reject', reason: '不属于资助范围' }).expect(200);
      expect((await row(application.id)).status).toBe('rejected');
      const notices = await asSuperuser(db, (c) => c.query(`select kind, body from notifications where entity_id = $1`, [application.id]));
      expect(notices.rows).toEqual([{ kind: 'application.rejected', body: expect.stringContaining('不属于资助范围') }]);
    });

    it('refuses other roles with 403 and other states with 409', async () => {
      const application = await newApplication('formal_check');
      for (const who of ['huancui', 'technical', 'expert'] as const) {
        await http().post(`/api/v1/applications/${application.id}/formal-check`).set(sessions[who].headers).send({ outcome: 'complete' }).expect(403);
      }
      const elsewhere = await newApplication('district_review');
      const conflict = await http().post(`/api/v1/applications/${elsewhere.id}/formal-check`).set(sessions.officer.headers).send({ outcome: 'complete' }).expect(409);
      expect(conflict.body.code).toBe('invalid_state');
      expect((await row(application.id)).status).toBe('formal_check');
    });

    it('names unknown outcomes and fields', async () => {
      const application = await newApplication('formal_check');
      const response = await http().post(`/api/v1/applications/${application.id}/formal-check`).set(sessions.officer.headers).send({ outcome: 'maybe', extra: 1 }).expect(400);
      expect(response.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['extra', 'outcome']);
    });
  });

  describe('tenant isolation', () => {
    it("answers 404 to another tenant's officer and reviewers and changes nothing", async () => {
      const application = await newApplication('formal_check');
      const other = await createTenant(db, { districts: [{ code: HUANCUI }] });
      const intruder = await login(app, await createUser(db, { tenantId: other.id, role: 'program_officer' }));
      const technical = await login(app, await createUser(db, { tenantId: other.id, role: 'technical_reviewer' }));
      await http().post(`/api/v1/applications/${application.id}/formal-check`).set(intruder.headers).send({ outcome: 'complete' }).expect(404);
      await http().post(`/api/v1/applications/${application.id}/panel`).set(intruder.headers).expect(404);
      await http().put(`/api/v1/applications/${application.id}/technical-opinions/a1`).set(technical.headers).send({ opinion: 'support', comment: 'x' }).expect(404);
      expect((await row(application.id)).status).toBe('formal_check');
      expect(await steps(application.id)).toEqual([]);
    });
  });

  describe('district review', () => {
    it("forwards an application of the reviewer's own district to the next stage", async () => {
      const application = await newApplication('district_review');
      await http().post(`/api/v1/applications/${application.id}/district-review`).set(sessions.huancui.headers).send({ outcome: 'forward' }).expect(200);
      expect((await row(application.id)).status).toBe('technical_review');
      expect(await steps(application.id)).toEqual([expect.objectContaining({ stage: 'district_review', outcome: 'forward', actorRole: 'district_reviewer' })]);
    });

    it("refuses another district's reviewer with 403 and changes nothing", async () => {
      const application = await newApplication('district_review');
      const response = await http().post(`/api/v1/applications/${application.id}/district-review`).set(sessions.wendeng.headers).send({ outcome: 'forward' }).expect(403);
      expect(response.body.code).toBe('out_of_scope');
      expect((await row(application.id)).status).toBe('district_review');
      expect(await steps(application.id)).toEqual([]);
    });

    it('refuses the technical reviewer with 403, and a program officer who gives no reason with 400 at reason', async () => {
      const application = await newApplication('district_review');
      const unexplained = await http().post(`/api/v1/applications/${application.id}/district-review`).set(sessions.officer.headers).send({ outcome: 'forward' }).expect(400);
      expect(unexplained.body.details).toEqual([expect.objectContaining({ path: 'reason' })]);
      await http().post(`/api/v1/applications/${application.id}/district-review`).set(sessions.technical.headers).send({ outcome: 'forward' }).expect(403);
      expect((await row(application.id)).status).toBe('district_review');
      expect(await steps(application.id)).toEqual([]);
      expect(await auditActions(application.id)).toEqual([]);
    });

    it("lets a program officer act in the district reviewer's place with a reason: audited as such, the district's reviewers told", async () => {
      const application = await newApplication('district_review');
      const reason = '环翠区审核员长期休假，初审逾期';
      await http()
        .post(`/api/v1/applications/${application.id}/district-review`)
        .set(sessions.officer.headers)
        .send({ outcome: 'forward', reason })
        .expect(200);
      expect((await row(application.id)).status).toBe('technical_review');
      expect(await steps(application.id)).toEqual([expect.objectContaining({ stage: 'district_review', outcome: 'forward', actorRole: 'program_officer' })]);
      const audit = await asSuperuser(db, (c) => c.query(`select action, actor_role, reason, data from audit_log where entity_id = $1 order by seq`, [application.id]));
      expect(audit.rows[0]).toEqual({
        action: 'application.district-review-in-place',
        actor_role: 'program_officer',
        reason,
        data: { actingFor: 'district_reviewer', districtCode: HUANCUI, outcome: 'forward' },
      });
      expect(audit.rows.map((r: { action: string }) => r.action)).toEqual(['application.district-review-in-place', 'application.district-review-passed']);
      const told = await asSuperuser(db, (c) =>
        c.query(`select u.role, u.district_code as "districtCode", n.body from notifications n join users u on u.id = n.user_id where n.entity_id = $1 and n.kind = 'application.district-review-in-place'`, [application.id]),
      );
      expect(told.rows).toEqual([{ role: 'district_reviewer', districtCode: HUANCUI, body: expect.stringContaining(reason) }]);
    });

    it('an officer acting in place may return for correction too, to the district review', async () => {
      const application = await newApplication('district_review');
      const response = await http()
        .post(`/api/v1/applications/${application.id}/district-review`)
        .set(sessions.officer.headers)
        .send({ outcome: 'return', reasons: ['发布公告复印件不清晰'], reason: '区县无审核员' })
        .expect(200);
      expect(response.body).toMatchObject({ status: 'correction_requested', returnStage: 'district_review' });
      expect(await auditActions(application.id)).toContain('application.district-review-in-place');
    });

    it('returns for correction with reasons, back to the district review once corrected', async () => {
      const application = await newApplication('district_review');
      const without = await http().post(`/api/v1/applications/${application.id}/district-review`).set(sessions.huancui.headers).send({ outcome: 'return' }).expect(400);
      expect(without.body.details[0].path).toBe('reasons');
      const response = await http()
        .post(`/api/v1/applications/${application.id}/district-review`)
        .set(sessions.huancui.headers)
        .send({ outcome: 'return', reasons: ['发布公告复印件不清晰'], missing: [{ achievementId: 'a1', material: '发布公告' }] })
        .expect(200);
      expect(response.body).toMatchObject({ status: 'correction_requested', returnStage: 'district_review', stageDueOn: '2025-10-13' });
      const jobs = await asSuperuser(db, (c) => c.query(`select job_name from outbox where payload->>'applicationId' = $1`, [application.id]));
      expect(jobs.rows).toEqual([{ job_name: 'application.correction-lapse' }]);
    });

    it('rejects with reasons and tells the applicant', async () => {
      const application = await newApplication('district_review');
      await http().post(`/api/v1/applications/${application.id}/district-review`).set(sessions.huancui.headers).send({ outcome: 'reject', reasons: [] }).expect(400);
      await http().post(`/api/v1/applications/${application.id}/district-review`).set(sessions.huancui.headers).send({ outcome: 'reject', reasons: ['非本区注册企业'] }).expect(200);
      expect((await row(application.id)).status).toBe('rejected');
      expect(await steps(application.id)).toEqual([expect.objectContaining({ outcome: 'reject', reasons: ['非本区注册企业'] })]);
      const notices = await asSuperuser(db, (c) => c.query(`select kind from notifications where entity_id = $1`, [application.id]));
      expect(notices.rows).toEqual([{ kind: 'application.rejected' }]);
    });

    it('answers 409 outside the district review', async () => {
      const application = await newApplication('formal_check');
      await http().post(`/api/v1/applications/${application.id}/district-review`).set(sessions.huancui.headers).send({ outcome: 'forward' }).expect(409);
    });
  });

  describe('technical review', () => {
    const twoItems = [nationalStandardLead('a1', '2023-06-01'), { ...nationalStandardLead('a2', '2023-07-01'), level: 'industry', standardNo: 'JB/T 40002-2023' }];

    it('records opinions within the engine ceilings, requires one per item, then completes to the next stage', async () => {
      const application = await newApplication('technical_review', { achievements: twoItems });
      const base = `/api/v1/applications/${application.id}`;
      const support = await http().put(`${base}/technical-opinions/a1`).set(sessions.technical.headers).send({ opinion: 'support', comment: '符合条件' }).expect(200);
      expect(support.body).toMatchObject({ achievementId: 'a1', opinion: 'support', amountFen: 50_000_000, ceilingFen: 50_000_000 });

      const above = await http().put(`${base}/technical-opinions/a2`).set(sessions.technical.headers).send({ opinion: 'reduce', amountFen: 20_000_001, comment: '偏高' }).expect(400);
      expect(above.body.details).toEqual([{ path: 'amountFen', message: '200000.01 元超过该项的上限 200000.00 元' }]);
      const early = await http().post(`${base}/technical-review/complete`).set(sessions.technical.headers).expect(409);
      expect(early.body.details).toEqual([{ path: 'items.a2', message: '尚无技术审查意见' }]);

      await http().put(`${base}/technical-opinions/a2`).set(sessions.technical.headers).send({ opinion: 'reduce', amountFen: 15_000_000, comment: '参与程度有限' }).expect(200);
      await http().post(`${base}/technical-review/complete`).set(sessions.technical.headers).expect(200);
      expect((await row(application.id)).status).toBe('awaiting_decision');
      const opinions = await asSuperuser(db, (c) =>
        c.query(`select achievement_id, opinion, amount_fen::int as amount from item_opinions where application_id = $1 and stage = 'technical_review' order by achievement_id`, [application.id]),
      );
      expect(opinions.rows).toEqual([
        { achievement_id: 'a1', opinion: 'support', amount: 50_000_000 },
        { achievement_id: 'a2', opinion: 'reduce', amount: 15_000_000 },
      ]);
      expect(await auditActions(application.id)).toEqual([
        'application.technical-opinion-recorded',
        'application.technical-opinion-recorded',
        'application.technical-review-completed',
      ]);
    });

    it('uses the ceilings of the estimate stored at submission when there is one', async () => {
      const application = await newApplication('technical_review');
      // As SubmitApplication stores it (an AwardEstimate), made under the program's policy text.
      const [{ hash }] = (await asSuperuser(db, (c) => c.query<{ hash: string }>(`select policy_hash as hash from programs where id = $1`, [programId]))).rows;
      const estimate = {
        applicationDate: '2024-03-20',
        programYear: 2024,
        policy: { id: 'weihai-2020', hash },
        totalFen: 1_000_000,
        items: [{ achievementId: 'a1', itemId: 'x', outcome: 'awarded', amountFen: 1_000_000, basis: 'ceiling', article: '第五条', reasons: [], trace: [] }],
      };
      await asSuperuser(db, (c) => c.query(`update applications set estimate = $2 where id = $1`, [application.id, JSON.stringify(estimate)]));
      const response = await http()
        .put(`/api/v1/applications/${application.id}/technical-opinions/a1`)
        .set(sessions.technical.headers)
        .send({ opinion: 'support', amountFen: 1_000_001, comment: '超出' })
        .expect(400);
      expect(response.body.details[0]).toEqual({ path: 'amountFen', message: '10000.01 元超过该项的上限 10000.00 元' });
    });

    it('refuses an unknown item, other roles (403) and other states (409)', async () => {
      const application = await newApplication('technical_review');
      const base = `/api/v1/applications/${application.id}`;
      const unknown = await http().put(`${base}/technical-opinions/zz9`).set(sessions.technical.headers).send({ opinion: 'support', comment: 'x' }).expect(400);
      expect(unknown.body.details[0].path).toBe('achievementId');
      await http().put(`${base}/technical-opinions/a1`).set(sessions.officer.headers).send({ opinion: 'support', comment: 'x' }).expect(403);
      await http().put(`${base}/technical-opinions/a1`).set(sessions.huancui.headers).send({ opinion: 'support', comment: 'x' }).expect(403);
      await http().post(`${base}/technical-review/complete`).set(sessions.officer.headers).expect(403);
      const wrongState = await newApplication('district_review');
      await http().put(`/api/v1/applications/${wrongState.id}/technical-opinions/a1`).set(sessions.technical.headers).send({ opinion: 'support', comment: 'x' }).expect(409);
      await http().post(`/api/v1/applications/${wrongState.id}/technical-review/complete`).set(sessions.technical.headers).expect(409);
    });
  });
});
