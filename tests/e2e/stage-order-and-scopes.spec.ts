import { INestApplication } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import { ReviewSettings } from '@subsidy/workflow';
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
  makeUscc,
  reviewSettings,
  Session,
} from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The procedure of a text, per stage and per item, through HTTP:
 * - Weihai 第二十一条、第二十二条 (002:4606-4612): the district's 初审 first, then the city's 受理审核 (formal check), then its
 *   experts — a program from the template runs district review → formal check → expert review, and a program in the
 *   default order is refused.
 * - Beijing 第十三条 (002:3070): 组织标准化专家对标准制修订项目进行评审 — the expert review applies to the std.* items only.
 * - Liaocheng 第六条第（六）项 (002:3917): 专利奖励资金的申报程序…另行办理 — a call under 第六条 takes no patent item.
 * The clock stands on Monday 2024-03-11; every program is a 2024 call open in March.
 */
describe('stage order and item-scoped procedure (Weihai, Beijing, Liaocheng)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  const clock = new ManualClock(new Date('2024-03-11T10:00:00+08:00'));
  const http = () => request(app.getHttpServer());
  const rows = async <T>(sql: string, params: unknown[]): Promise<T[]> => (await asSuperuser(db, (c) => c.query(sql, params))).rows as T[];
  let keys = 0;

  const HUANCUI = '371002';
  const CHAOYANG = '110105';
  const DONGCHANGFU = '371502';

  const officers = {} as Record<'weihai' | 'beijing' | 'liaocheng', Session>;
  const experts = {} as Record<'weihai' | 'beijing', Session[]>;
  let huancuiReviewer: Session;

  // Template rubric (PRODUCT_DEFAULTS): technical_level 40, benefit 40, materials 20 points, in hundredths.
  const sheet = (amounts: Record<string, number>) => ({ scores: { technical_level: 3500, benefit: 3000, materials: 1800 }, amounts, comment: '评审意见' });

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config, { clock });
    await createTenant(db, { id: 'weihai', divisionCode: '371000', districts: [{ code: HUANCUI, nameZh: '环翠区' }] });
    await createTenant(db, { id: 'beijing', divisionCode: '110000', districts: [{ code: CHAOYANG, nameZh: '朝阳区' }] });
    await createTenant(db, { id: 'liaocheng', divisionCode: '371500', districts: [{ code: DONGCHANGFU, nameZh: '东昌府区' }] });
    for (const tenant of ['weihai', 'beijing', 'liaocheng'] as const) {
      officers[tenant] = await login(app, await createUser(db, { tenantId: tenant, role: 'program_officer' }));
    }
    huancuiReviewer = await login(app, await createUser(db, { tenantId: 'weihai', role: 'district_reviewer', districtCode: HUANCUI }));
    for (const tenant of ['weihai', 'beijing'] as const) {
      experts[tenant] = [];
      for (let i = 0; i < 3; i += 1) {
        const user = await createUser(db, { tenantId: tenant, role: 'expert' });
        await http().put(`/api/v1/experts/${user.id}/profile`).set(officers[tenant].headers).send({ field: '标准化', affiliatedUsccs: [makeUscc()], active: true }).expect(200);
        experts[tenant].push(await login(app, user));
      }
    }
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  async function applicantOf(tenant: string, districtCode: string): Promise<Session> {
    const org = await createOrganization(db, { tenantId: tenant, districtCode });
    return login(app, await createUser(db, { tenantId: tenant, role: 'applicant', organizationId: org.id }));
  }
  const save = (session: Session, applicationId: string, achievements: unknown[]) =>
    http().put(`/api/v1/applications/${applicationId}/achievements`).set(session.headers).send({ achievements });
  const declare = (session: Session, applicationId: string) =>
    http().post(`/api/v1/applications/${applicationId}/declaration`).set(session.headers).send({ accepted: true, statement: '本单位承诺所提交的申报材料真实、完整、有效。' }).expect(200);
  const submit = (session: Session, applicationId: string) =>
    http().post(`/api/v1/applications/${applicationId}/submit`).set(session.headers).set('Idempotency-Key', `stage-order-${(keys += 1)}`);

  /** An applicant's application drafted, claimed, declared and submitted over HTTP; returns its id and the submission answer. */
  async function submitted(session: Session, programId: string, achievements: unknown[]) {
    const id = (await http().post(`/api/v1/programs/${programId}/applications`).set(session.headers).expect(201)).body.id as string;
    await save(session, id, achievements).expect(200);
    await declare(session, id);
    return { id, response: (await submit(session, id).expect(200)).body as { status: string } };
  }

  const formalCheck = (applicationId: string, body: Record<string, unknown> = { outcome: 'complete' }) =>
    http().post(`/api/v1/applications/${applicationId}/formal-check`).set(officers.weihai.headers).send(body);
  const districtReview = (applicationId: string, body: Record<string, unknown> = { outcome: 'forward' }) =>
    http().post(`/api/v1/applications/${applicationId}/district-review`).set(huancuiReviewer.headers).send(body);
  const steps = (applicationId: string) =>
    rows<{ stage: string; outcome: string }>(`select stage, outcome from review_steps where application_id = $1 order by created_at, id`, [applicationId]);
  const status = async (applicationId: string) => (await rows<{ status: string }>(`select status from applications where id = $1`, [applicationId]))[0].status;

  /** Draws the panel, lets two experts score with the given amounts, and completes the expert review. */
  async function expertReview(tenant: 'weihai' | 'beijing', applicationId: string, amounts: Record<string, number>) {
    await http().post(`/api/v1/applications/${applicationId}/panel`).set(officers[tenant].headers).expect(201);
    for (const expert of experts[tenant].slice(0, 2)) {
      await http().post(`/api/v1/applications/${applicationId}/expert-declaration`).set(expert.headers).send({ noConflict: true }).expect(200);
      await http().put(`/api/v1/applications/${applicationId}/panel/score`).set(expert.headers).send(sheet(amounts)).expect(200);
    }
    return http().post(`/api/v1/applications/${applicationId}/expert-review/complete`).set(officers[tenant].headers).expect(200);
  }

  // ------------------------------------------------------------------------------------------------------------ Weihai
  describe('Weihai 第二十一条、第二十二条: district review, then the formal check, then the expert review', () => {
    // 第六条 (002:4533): 国家标准 主持制定, 50万; published within 近两年 (第十五条).
    const standard = { id: 'a1', type: 'standard', level: 'national', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'GB/T 43001-2023', publishedOn: '2023-08-01' };
    let review: ReviewSettings;
    let programId: string;

    /** A program body from the Weihai template, as the program form would send it. */
    async function programBody(change: (review: ReviewSettings) => ReviewSettings = (r) => r) {
      const template = (await http().get('/api/v1/programs/template?policyId=weihai-2020').set(officers.weihai.headers).expect(200)).body;
      return {
        year: 2024,
        title: '2024年度威海市标准化资助',
        policyId: 'weihai-2020',
        window: { kind: template.window.kind, opensAt: '2024-03-01T09:00:00+08:00', closesAt: '2024-03-31T17:00:00+08:00' },
        call: { title: '关于申报2024年度标准化资助资金的通知', body: '申报条件与材料见附件。', materials: { standard: ['标准文本'] } },
        review: change(template.review),
        budget: { totalFen: 100_000_000, rule: 'pro_rata', sources: [{ source: 'city', amountFen: 100_000_000 }] },
      };
    }

    it('the template orders the stages from the text and the program stores that order', async () => {
      const template = (await http().get('/api/v1/programs/template?policyId=weihai-2020').set(officers.weihai.headers).expect(200)).body;
      expect(template.review.stageOrder).toEqual(['district_review', 'formal_check', 'technical_review', 'expert_review']);
      expect(template.citations).toContainEqual(expect.objectContaining({ path: 'review.stageOrder', article: '第二十一条、第二十二条', source: '002:4606-4612' }));
      const created = await http().post('/api/v1/programs').set(officers.weihai.headers).send(await programBody()).expect(201);
      expect(created.body.review.stageOrder).toEqual(['district_review', 'formal_check', 'technical_review', 'expert_review']);
      expect(created.body.procedure.citations.map((c: { path: string }) => c.path)).toContain('review.stageOrder');
      review = created.body.review;
    });

    it.each([
      ['the default order (no stageOrder)', (r: ReviewSettings) => ({ ...r, stageOrder: undefined })],
      ['the formal check before the district review', (r: ReviewSettings) => ({ ...r, stageOrder: ['formal_check', 'district_review', 'technical_review', 'expert_review'] })],
    ] as const)('refuses %s: 422 contradicts_policy at review.stageOrder citing 第二十一条、第二十二条, nothing written', async (_name, change) => {
      const before = (await rows<{ n: number }>(`select count(*)::int as n from programs where tenant_id = 'weihai'`, []))[0].n;
      const response = await http().post('/api/v1/programs').set(officers.weihai.headers).send(await programBody(change as (r: ReviewSettings) => ReviewSettings)).expect(422);
      expect(response.body.code).toBe('contradicts_policy');
      expect(response.body.details).toEqual([{ path: 'review.stageOrder', message: expect.stringMatching(/must run district_review, then formal_check, then expert_review .*第二十一条、第二十二条 \(002:4606-4612\)/) }]);
      expect((await rows<{ n: number }>(`select count(*)::int as n from programs where tenant_id = 'weihai'`, []))[0].n).toBe(before);
    });

    it('400 naming review.stageOrder for an order that is not the four stages once each', async () => {
      for (const stageOrder of [['district_review', 'formal_check', 'expert_review'], ['district_review', 'district_review', 'formal_check', 'expert_review'], ['district_review', 'formal_check', 'technical_review', 'mayor_review']]) {
        const response = await http().post('/api/v1/programs').set(officers.weihai.headers).send(await programBody((r) => ({ ...r, stageOrder } as ReviewSettings))).expect(400);
        expect(response.body.details.map((d: { path: string }) => d.path)).toContain('review.stageOrder');
      }
    });

    it('an application goes district review → formal check → expert review → awaiting decision', async () => {
      // The stored review of the program created above, on an open program of the same text.
      programId = (await createProgram(db, { tenantId: 'weihai', policyId: 'weihai-2020', review })).id;
      const applicant = await applicantOf('weihai', HUANCUI);
      const { id, response } = await submitted(applicant, programId, [standard]);
      expect(response.status).toBe('district_review');

      expect((await districtReview(id).expect(200)).body.status).toBe('formal_check');
      expect((await formalCheck(id).expect(200)).body.status).toBe('expert_review');
      const completed = await expertReview('weihai', id, { a1: 40_000_000 });
      expect(completed.body.status).toBe('awaiting_decision');

      expect(await steps(id)).toEqual([
        { stage: 'district_review', outcome: 'forward' },
        { stage: 'formal_check', outcome: 'complete' },
        { stage: 'expert_review', outcome: 'panel_drawn' },
        { stage: 'expert_review', outcome: 'scored' },
        { stage: 'expert_review', outcome: 'scored' },
        { stage: 'expert_review', outcome: 'complete' },
      ]);
      const moves = await rows<{ from: string; to: string }>(
        `select data->>'from' as "from", data->>'to' as "to" from audit_log where entity_id = $1 and data ? 'to' order by seq`,
        [id],
      );
      expect(moves).toEqual([
        { from: 'draft', to: 'district_review' },
        { from: 'district_review', to: 'formal_check' },
        { from: 'formal_check', to: 'expert_review' },
        { from: 'expert_review', to: 'awaiting_decision' },
      ]);
    });

    it("the formal check's correction returns to the formal check, which then passes to the expert review (the district does not review again)", async () => {
      const applicant = await applicantOf('weihai', HUANCUI);
      const { id } = await submitted(applicant, programId, [standard]);
      await districtReview(id).expect(200);
      const returned = await formalCheck(id, { outcome: 'correction', missing: [{ achievementId: 'a1', material: '标准审查会议纪要' }] }).expect(200);
      expect(returned.body.status).toBe('correction_requested');
      expect((await rows<{ return_stage: string }>(`select return_stage from applications where id = $1`, [id]))[0].return_stage).toBe('formal_check');
      expect((await submit(applicant, id).expect(200)).body.status).toBe('formal_check');
      expect((await formalCheck(id).expect(200)).body.status).toBe('expert_review');
      expect((await steps(id)).map((s) => `${s.stage}:${s.outcome}`)).toEqual(['district_review:forward', 'formal_check:correction', 'formal_check:complete']);
    });

    it("the district's return goes back to the district, then on to the formal check", async () => {
      const applicant = await applicantOf('weihai', HUANCUI);
      const { id } = await submitted(applicant, programId, [standard]);
      expect((await districtReview(id, { outcome: 'return', reasons: ['缺少原件审核意见'] }).expect(200)).body.status).toBe('correction_requested');
      expect((await submit(applicant, id).expect(200)).body.status).toBe('district_review');
      expect((await districtReview(id).expect(200)).body.status).toBe('formal_check');
      expect(await status(id)).toBe('formal_check');
    });

    it("a formal-check deadline runs from the district's forwarding, not from the submission (5 working days, job queued)", async () => {
      const withDeadline = (await createProgram(db, { tenantId: 'weihai', policyId: 'weihai-2020', review: { ...review, formalCheckWorkingDays: 5 } })).id;
      const applicant = await applicantOf('weihai', HUANCUI);
      const { id } = await submitted(applicant, withDeadline, [standard]);
      // The district review has its own due date (the default 10 working days from Monday 2024-03-11: 2024-03-25).
      expect((await rows<{ due: string | null }>(`select to_char(stage_due_on, 'YYYY-MM-DD') as due from applications where id = $1`, [id]))[0].due).toBe('2024-03-25');
      clock.set(new Date('2024-03-13T10:00:00+08:00'));
      try {
        const forwarded = await districtReview(id).expect(200);
        // Wednesday 2024-03-13 + 5 working days = Wednesday 2024-03-20.
        expect(forwarded.body).toMatchObject({ status: 'formal_check', stageDueOn: '2024-03-20' });
        const jobs = await rows<{ payload: { round: number }; run_at: Date }>(
          `select payload, run_at from outbox where job_name = 'application.formal-check-deadline' and payload->>'applicationId' = $1`,
          [id],
        );
        expect(jobs.map((j) => [j.payload.round, j.run_at.toISOString()])).toEqual([[1, '2024-03-20T15:59:59.999Z']]);
      } finally {
        clock.set(new Date('2024-03-11T10:00:00+08:00'));
      }
    });

    it('the formal check refuses to act before the district has reviewed (409 invalid_state)', async () => {
      const applicant = await applicantOf('weihai', HUANCUI);
      const { id } = await submitted(applicant, programId, [standard]);
      const response = await formalCheck(id).expect(409);
      expect(response.body.code).toBe('invalid_state');
      expect(await status(id)).toBe('district_review');
    });
  });

  // ----------------------------------------------------------------------------------------------------------- Beijing
  describe('Beijing 第十三条: the expert review of 标准制修订 items only', () => {
    // 第九条第（二）项: 制定国家标准 (std.national.formulate, up to 30万), published the previous year.
    const standard = { id: 'a1', type: 'standard', level: 'national', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'GB/T 43001-2023', publishedOn: '2023-08-01' };
    // 第十七条第（三）项: an accepted Beijing municipal pilot (pilot.municipal, up to 15万), paid after its 考核评估.
    const pilot = { id: 'p1', type: 'standardization_pilot', level: 'provincial', stage: 'accepted', startedOn: '2022-03-01', acceptedOn: '2023-12-01' };
    let programId: string;
    const beijingCheck = (applicationId: string) => http().post(`/api/v1/applications/${applicationId}/formal-check`).set(officers.beijing.headers).send({ outcome: 'complete' }).expect(200);

    beforeAll(async () => {
      const template = (await http().get('/api/v1/programs/template?policyId=beijing-2020').set(officers.beijing.headers).expect(200)).body;
      expect(template.review.stages).toEqual({ formal_check: true, district_review: false, technical_review: false, expert_review: true });
      programId = (await createProgram(db, { tenantId: 'beijing', policyId: 'beijing-2020', review: template.review as ReviewSettings })).id;
    });

    it('a program may not turn the expert review off (422 at review.stages.expert_review, 第十三条, naming the items)', async () => {
      const template = (await http().get('/api/v1/programs/template?policyId=beijing-2020').set(officers.beijing.headers).expect(200)).body;
      const body = {
        year: 2024,
        title: '2024年度首都标准化战略补助',
        policyId: 'beijing-2020',
        window: { kind: 'batch', opensAt: '2024-04-01T09:00:00+08:00', closesAt: '2024-04-30T17:00:00+08:00' },
        call: { title: '关于申报2024年度首都标准化战略补助资金的通知', body: '申报条件与材料见附件。', materials: { standard: ['标准文本'] } },
        review: { ...template.review, stages: { ...template.review.stages, expert_review: false }, panel: null },
        budget: { totalFen: 100_000_000, rule: 'pro_rata', sources: [{ source: 'city', amountFen: 100_000_000 }] },
      };
      const response = await http().post('/api/v1/programs').set(officers.beijing.headers).send(body).expect(422);
      expect(response.body.details).toEqual([{ path: 'review.stages.expert_review', message: expect.stringMatching(/第十三条 \(002:3070\) requires an expert review .*for items std\.intl\.formulate, .*only/) }]);
    });

    it('an application with only a pilot skips the expert stage: formal check → awaiting decision, no panel', async () => {
      const applicant = await applicantOf('beijing', CHAOYANG);
      const { id, response } = await submitted(applicant, programId, [pilot]);
      expect(response.status).toBe('formal_check');
      expect((await beijingCheck(id)).body.status).toBe('awaiting_decision');
      const panel = await http().post(`/api/v1/applications/${id}/panel`).set(officers.beijing.headers).expect(409);
      expect(panel.body.code).toBe('invalid_state');
      expect(await rows(`select 1 from panels where application_id = $1`, [id])).toEqual([]);
    });

    it('an application with a national standard and a pilot goes through the expert review, which judges the standard only', async () => {
      const applicant = await applicantOf('beijing', CHAOYANG);
      const { id } = await submitted(applicant, programId, [standard, pilot]);
      expect((await beijingCheck(id)).body.status).toBe('expert_review');
      await http().post(`/api/v1/applications/${id}/panel`).set(officers.beijing.headers).expect(201);

      const assignments = (await http().get('/api/v1/experts/me/assignments').set(experts.beijing[0].headers).expect(200)).body.items;
      const mine = assignments.find((a: { applicationId: string }) => a.applicationId === id);
      expect(mine.items.map((i: { achievementId: string; ceilingFen: number }) => [i.achievementId, i.ceilingFen])).toEqual([['a1', 30_000_000]]);

      // An amount for the pilot is refused (the panel does not judge it); nothing is stored.
      for (const expert of experts.beijing.slice(0, 2)) await http().post(`/api/v1/applications/${id}/expert-declaration`).set(expert.headers).send({ noConflict: true }).expect(200);
      const refused = await http().put(`/api/v1/applications/${id}/panel/score`).set(experts.beijing[0].headers).send(sheet({ a1: 20_000_000, p1: 15_000_000 })).expect(400);
      expect(refused.body.details.map((d: { path: string }) => d.path)).toEqual(['amounts.p1']);
      expect(await rows(`select 1 from panel_members where application_id = $1 and status = 'scored'`, [id])).toEqual([]);

      for (const expert of experts.beijing.slice(0, 2)) {
        await http().put(`/api/v1/applications/${id}/panel/score`).set(expert.headers).send(sheet({ a1: 20_000_000 })).expect(200);
      }
      const completed = await http().post(`/api/v1/applications/${id}/expert-review/complete`).set(officers.beijing.headers).expect(200);
      expect(completed.body.status).toBe('awaiting_decision');
      expect(completed.body.items.map((i: { achievementId: string; amountFen: number }) => [i.achievementId, i.amountFen])).toEqual([['a1', 20_000_000]]);
      expect(await rows(`select achievement_id, stage, amount_fen::int as amount from item_opinions where application_id = $1`, [id])).toEqual([
        { achievement_id: 'a1', stage: 'expert_review', amount: 20_000_000 },
      ]);
    });

    it('an application with only a standard goes through the expert review too', async () => {
      const applicant = await applicantOf('beijing', CHAOYANG);
      const { id } = await submitted(applicant, programId, [standard]);
      expect((await beijingCheck(id)).body.status).toBe('expert_review');
    });
  });

  // --------------------------------------------------------------------------------------------------------- Liaocheng
  describe('Liaocheng 第六条第（六）项: patent items are 另行办理, not taken by a call under 第六条', () => {
    // 第四条第（一）项: 山东省省长质量奖, 100万.
    const qualityAward = { id: 'q1', type: 'recognition', code: 'quality_award', level: 'provincial', obtainedOn: '2024-01-15' };
    // 第四条第（十三）项2②: 中国专利金奖 (专利奖励资金).
    const patentGold = { id: 'p1', type: 'recognition', code: 'patent_award', level: 'national', grade: 'gold', obtainedOn: '2024-01-20' };
    let programId: string;

    beforeAll(async () => {
      programId = (await createProgram(db, { tenantId: 'liaocheng', policyId: 'liaocheng-2021', review: reviewSettings({}, { policyId: 'liaocheng-2021' }) })).id;
    });

    it('the program view cites 第六条 for the items its calls do not take', async () => {
      const program = (await http().get(`/api/v1/programs/${programId}`).set(officers.liaocheng.headers).expect(200)).body;
      const cited = program.procedure.citations.find((c: { path: string }) => c.path === 'procedure.calls.scope');
      expect(cited).toMatchObject({ article: '第六条', source: '002:3909-3917' });
      expect(cited.requirement).toContain('patent_award.china.gold');
    });

    it('refuses a patent award on save with 422 not_accepted_by_call naming achievements[1]; nothing is stored', async () => {
      const applicant = await applicantOf('liaocheng', DONGCHANGFU);
      const id = (await http().post(`/api/v1/programs/${programId}/applications`).set(applicant.headers).expect(201)).body.id as string;
      const refused = await save(applicant, id, [qualityAward, patentGold]).expect(422);
      expect(refused.body.code).toBe('not_accepted_by_call');
      expect(refused.body.details).toEqual([
        { path: 'achievements[1]', message: '该成果属于“中国专利金奖”（第四条第（十三）项2②），不在本次申报的受理范围内：依第六条，该项目的申报程序另行办理' },
      ]);
      const english = await save(applicant, id, [qualityAward, patentGold]).set('Accept-Language', 'en').expect(422);
      expect(english.body.details[0].message).toMatch(/^priced under patent_award\.china\.gold, which a call under this text does not take: 第六条/);
      expect(await rows(`select 1 from application_achievements where application_id = $1`, [id])).toEqual([]);

      await save(applicant, id, [qualityAward]).expect(200);
      await declare(applicant, id);
      expect((await submit(applicant, id).expect(200)).body.status).toBe('formal_check');
    });

    it('re-checks at submission: a draft holding a patent award (stored directly) gets 422 and stays a draft', async () => {
      const org = await createOrganization(db, { tenantId: 'liaocheng', districtCode: DONGCHANGFU });
      const applicant = await login(app, await createUser(db, { tenantId: 'liaocheng', role: 'applicant', organizationId: org.id }));
      const draft = await createApplication(db, { tenantId: 'liaocheng', programId, organizationId: org.id, districtCode: DONGCHANGFU, achievements: [patentGold, qualityAward] });
      await declare(applicant, draft.id);
      const refused = await submit(applicant, draft.id).expect(422);
      expect(refused.body.code).toBe('not_accepted_by_call');
      expect(refused.body.details.map((d: { path: string }) => d.path)).toEqual(['achievements[0]']);
      expect(await rows(`select status, submission_count from applications where id = $1`, [draft.id])).toEqual([{ status: 'draft', submission_count: 0 }]);
    });
  });
});
