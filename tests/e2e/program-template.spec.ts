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

const FOSHAN = 'foshan';
const HUANGPU = 'guangzhou-huangpu';
const LINYI = 'linyi';

/**
 * Programs start from their policy text: the template drawn from a policy version's `procedure` block, the checks that
 * stop a program contradicting its text (window within validity, required steps, fixed deadlines and publicity), the
 * articles shown on the program, and an estimate refused on a date the text is not in force.
 */
describe('program template and the procedure of the policy text', () => {
  let db: TestDatabase;
  let app: INestApplication;
  const clock = new ManualClock(new Date('2023-06-01T10:00:00+08:00'));
  const as: Record<'foshanOfficer' | 'huangpuOfficer' | 'linyiOfficer' | 'applicant' | 'expert' | 'finance' | 'districtReviewer', Session> = {} as never;
  let foshanOrg: OrganizationFixture;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config, { clock });
    await createTenant(db, { id: FOSHAN, districts: [{ code: '440604', nameZh: '禅城区' }] });
    await createTenant(db, { id: HUANGPU, districts: [{ code: '440112', nameZh: '黄埔区' }] });
    await createTenant(db, { id: LINYI, divisionCode: '371300', districts: [{ code: '371302', nameZh: '兰山区' }] });
    foshanOrg = await createOrganization(db, { tenantId: FOSHAN, districtCode: '440604' });
    as.foshanOfficer = await login(app, await createUser(db, { tenantId: FOSHAN, role: 'program_officer' }));
    as.huangpuOfficer = await login(app, await createUser(db, { tenantId: HUANGPU, role: 'program_officer' }));
    as.linyiOfficer = await login(app, await createUser(db, { tenantId: LINYI, role: 'program_officer' }));
    as.applicant = await login(app, await createUser(db, { tenantId: FOSHAN, role: 'applicant', organizationId: foshanOrg.id }));
    as.expert = await login(app, await createUser(db, { tenantId: FOSHAN, role: 'expert' }));
    as.finance = await login(app, await createUser(db, { tenantId: FOSHAN, role: 'finance_officer' }));
    as.districtReviewer = await login(app, await createUser(db, { tenantId: FOSHAN, role: 'district_reviewer', districtCode: '440604' }));
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const count = async (sql: string): Promise<number> =>
    (await asSuperuser(db, (c) => c.query<{ n: number }>(`select count(*)::int as n from ${sql}`))).rows[0].n;

  const template = async (session: Session, policyId: string) =>
    (await http().get(`/api/v1/programs/template?policyId=${policyId}`).set(session.headers).expect(200)).body;

  /** A program body built from the policy's template, as a program officer's form would be. */
  async function bodyFromTemplate(session: Session, policyId: string, window: { opensAt: string; closesAt: string }, district: string) {
    const suggested = await template(session, policyId);
    return {
      year: Number(window.opensAt.slice(0, 4)),
      title: `${window.opensAt.slice(0, 4)}年度标准化资助`,
      policyId,
      window: { kind: suggested.window.kind, ...window },
      call: { title: '关于申报标准化资助项目的通知', body: '申报条件与材料见附件。', materials: { standard: ['标准文本'] } },
      review: suggested.review,
      budget: { totalFen: 100_000_000, rule: 'pro_rata', sources: [{ source: `district:${district}`, amountFen: 100_000_000 }] },
    };
  }

  const foshanBody = () => bodyFromTemplate(as.foshanOfficer, 'foshan-2018', { opensAt: '2023-07-03T09:00:00+08:00', closesAt: '2023-08-31T17:00:00+08:00' }, '440604');
  const huangpuBody = () => bodyFromTemplate(as.huangpuOfficer, 'guangzhou-huangpu-2020', { opensAt: '2021-03-01T09:00:00+08:00', closesAt: '2021-03-31T17:00:00+08:00' }, '440112');

  describe('GET /programs/template', () => {
    it("Foshan: validity as window bounds, one batch call, expert review and 7 working days of publicity with 第十二条", async () => {
      const body = await template(as.foshanOfficer, 'foshan-2018');
      expect(body.policy).toEqual({ id: 'foshan-2018', title: expect.any(String), effectiveFrom: '2018-12-01', effectiveTo: '2023-11-30' });
      expect(body.window).toEqual({ kind: 'batch', allowedKinds: ['batch'], earliestOpen: '2018-12-01', latestClose: '2023-11-30' });
      expect(body.review).toMatchObject({
        stages: { formal_check: true, district_review: false, technical_review: false, expert_review: true },
        formalCheckWorkingDays: null,
        correctionWorkingDays: 10,
        publicity: { days: 7, unit: 'working' },
        cityReviewedKinds: [],
      });
      expect(body.review.panel).toMatchObject({ size: 3, quorum: 2 });
      expect(body.citations).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'window.kind', article: '第九条', source: '002:4352' }),
          expect.objectContaining({ path: 'review.stages.expert_review', article: '第十二条', source: '002:4388' }),
          expect.objectContaining({ path: 'review.publicity', article: '第十二条', source: '002:4388' }),
        ]),
      );
      expect(body.defaults.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['review.correctionWorkingDays', 'review.panel']));
    });

    it('Huangpu: batch or rolling, a formal check within 5 working days (第十二条), publicity left to the office', async () => {
      const body = await template(as.huangpuOfficer, 'guangzhou-huangpu-2020');
      expect(body.policy).toMatchObject({ id: 'guangzhou-huangpu-2020', effectiveFrom: '2020-01-01', effectiveTo: '2022-12-31' });
      expect(body.window).toEqual({ kind: 'batch', allowedKinds: ['batch', 'rolling'], earliestOpen: '2020-01-01', latestClose: '2022-12-31' });
      expect(body.review).toMatchObject({ stages: { formal_check: true, expert_review: false }, formalCheckWorkingDays: 5, panel: null, publicity: { days: 7, unit: 'calendar' } });
      expect(body.citations).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'review.stages.formal_check', article: '第十二条', source: '002:4170' }),
          expect.objectContaining({ path: 'review.formalCheckWorkingDays', article: '第十二条', source: '002:4170' }),
        ]),
      );
      expect(body.defaults.map((d: { path: string }) => d.path)).toContain('review.publicity');
    });

    it.each([
      ['an unknown policy version', 'foshan-2099'],
      ["another tenant's policy version", 'guangzhou-huangpu-2020'],
      ['a malformed id', '..%2Fsecret'],
    ])('400 naming policyId for %s', async (_name, policyId) => {
      const response = await http().get(`/api/v1/programs/template?policyId=${policyId}`).set(as.foshanOfficer.headers).expect(400);
      expect(response.body.code).toBe('validation_failed');
      expect(response.body.details.map((d: { path: string }) => d.path)).toEqual(['policyId']);
    });

    it('400 naming policyId when it is missing', async () => {
      const response = await http().get('/api/v1/programs/template').set(as.foshanOfficer.headers).expect(400);
      expect(response.body.details.map((d: { path: string }) => d.path)).toContain('policyId');
    });

    it.each(['applicant', 'expert', 'finance', 'districtReviewer'] as const)('403 for the %s role', async (role) => {
      await http().get('/api/v1/programs/template?policyId=foshan-2018').set(as[role].headers).expect(403);
    });

    it('401 without a session', async () => {
      await http().get('/api/v1/programs/template?policyId=foshan-2018').expect(401);
    });
  });

  describe('a program may not contradict its text', () => {
    it('Foshan with a 2024 window: 422 on window.opensAt and window.closesAt naming the validity, nothing written', async () => {
      const body = await foshanBody();
      body.year = 2024;
      body.window = { ...body.window, opensAt: '2024-03-01T09:00:00+08:00', closesAt: '2024-03-31T17:00:00+08:00' };
      const before = await count(`programs where tenant_id = '${FOSHAN}'`);
      const response = await http().post('/api/v1/programs').set(as.foshanOfficer.headers).send(body).expect(422);
      expect(response.body.code).toBe('contradicts_policy');
      expect(response.body.details.map((d: { path: string }) => d.path)).toEqual(['window.opensAt', 'window.closesAt']);
      for (const detail of response.body.details) expect(detail.message).toMatch(/foshan-2018 is in force from 2018-12-01 to 2023-11-30/);
      expect(response.body.details[0].message).toMatch(/2024-03-01/);
      expect(response.body.details[1].message).toMatch(/2024-03-31/);
      expect(await count(`programs where tenant_id = '${FOSHAN}'`)).toBe(before);
    });

    it('Foshan with a window that runs past 2023-11-30: 422 on window.closesAt only', async () => {
      const body = await foshanBody();
      body.window = { ...body.window, opensAt: '2023-11-01T09:00:00+08:00', closesAt: '2023-12-01T09:00:00+08:00' };
      const response = await http().post('/api/v1/programs').set(as.foshanOfficer.headers).send(body).expect(422);
      expect(response.body.details.map((d: { path: string }) => d.path)).toEqual(['window.closesAt']);
    });

    it('Foshan with 5 calendar days of publicity: 422 on review.publicity citing 第十二条', async () => {
      const body = await foshanBody();
      body.review = { ...body.review, publicity: { days: 5, unit: 'calendar' } };
      const response = await http().post('/api/v1/programs').set(as.foshanOfficer.headers).send(body).expect(422);
      expect(response.body.details).toEqual([{ path: 'review.publicity', message: expect.stringMatching(/7 working days.*第十二条 \(002:4388\)/) }]);
    });

    it('Foshan without the expert review: 422 on review.stages.expert_review; a rolling call: 422 on window.kind', async () => {
      const body = await foshanBody();
      body.review = { ...body.review, stages: { ...body.review.stages, expert_review: false }, panel: null };
      body.window = { ...body.window, kind: 'rolling' };
      const response = await http().post('/api/v1/programs').set(as.foshanOfficer.headers).send(body).expect(422);
      expect(response.body.details.map((d: { path: string; message: string }) => [d.path, /第(九|十二)条/.test(d.message)])).toEqual([
        ['window.kind', true],
        ['review.stages.expert_review', true],
      ]);
    });

    it('Huangpu without a formal check: 422 on the stage and its deadline, citing 第十二条', async () => {
      const body = await huangpuBody();
      body.review = { ...body.review, stages: { ...body.review.stages, formal_check: false }, formalCheckWorkingDays: null };
      const response = await http().post('/api/v1/programs').set(as.huangpuOfficer.headers).send(body).expect(422);
      expect(response.body.details.map((d: { path: string }) => d.path)).toEqual(['review.stages.formal_check', 'review.formalCheckWorkingDays']);
      for (const detail of response.body.details) expect(detail.message).toMatch(/第十二条 \(002:4170\)/);
    });

    it('Huangpu with a 10-working-day formal check: 422 on review.formalCheckWorkingDays', async () => {
      const body = await huangpuBody();
      body.review = { ...body.review, formalCheckWorkingDays: 10 };
      const response = await http().post('/api/v1/programs').set(as.huangpuOfficer.headers).send(body).expect(422);
      expect(response.body.details).toEqual([{ path: 'review.formalCheckWorkingDays', message: expect.stringMatching(/at most 5 working days \(it is 10\).*第十二条/) }]);
    });

    it('a bad district together with a contradiction: 400 with both problems at once', async () => {
      const body = await huangpuBody();
      body.review = { ...body.review, formalCheckWorkingDays: 10 };
      body.budget.sources = [{ source: 'district:999999', amountFen: 100_000_000 }];
      const response = await http().post('/api/v1/programs').set(as.huangpuOfficer.headers).send(body).expect(400);
      expect(response.body.details.map((d: { path: string }) => d.path)).toEqual(['budget.sources[0].source', 'review.formalCheckWorkingDays']);
    });

    it('a program built from the template is 201, shows the articles that bind it, can be scheduled; an edit against the text is 422', async () => {
      const body = await foshanBody();
      const created = await http().post('/api/v1/programs').set(as.foshanOfficer.headers).send(body).expect(201);
      expect(created.body.review).toEqual(body.review);
      const shown = (await http().get(`/api/v1/programs/${created.body.id}`).set(as.foshanOfficer.headers).expect(200)).body;
      expect(shown).toMatchObject({ id: created.body.id, policyId: 'foshan-2018', status: 'draft', review: body.review });
      expect(shown.procedure.effectiveFrom).toBe('2018-12-01');
      expect(shown.procedure.effectiveTo).toBe('2023-11-30');
      expect(shown.procedure.citations.map((c: { path: string; article: string }) => [c.path, c.article])).toEqual([
        ['window.kind', '第九条'],
        ['review.stages.expert_review', '第十二条'],
        ['review.publicity', '第十二条'],
        ['procedure.expertExclusion', '第十二条'],
        ['procedure.allocationApproval', '第十三条'],
      ]);

      const version = shown.version;
      const edited = { ...body, review: { ...body.review, publicity: { days: 10, unit: 'working' } } };
      const refused = await http().put(`/api/v1/programs/${created.body.id}`).set(as.foshanOfficer.headers).send(edited).expect(422);
      expect(refused.body.details.map((d: { path: string }) => d.path)).toEqual(['review.publicity']);
      const after = (await http().get(`/api/v1/programs/${created.body.id}`).set(as.foshanOfficer.headers).expect(200)).body;
      expect(after).toMatchObject({ version, review: body.review });

      const scheduled = await http().post(`/api/v1/programs/${created.body.id}/schedule`).set(as.foshanOfficer.headers).expect(200);
      expect(scheduled.body.status).toBe('scheduled');
      expect(scheduled.body.procedure.citations.length).toBe(5);
    });

    it('Linyi with a June 2024 window: 422 on window.opensAt and window.closesAt citing 第十一条第（二）项 (first quarter), nothing written; in the first quarter: 201', async () => {
      const suggested = await template(as.linyiOfficer, 'linyi-2019');
      expect(suggested.window.months).toEqual({ from: '01-01', to: '03-31' });
      expect(suggested.citations).toContainEqual(expect.objectContaining({ path: 'window', article: '第十一条第（二）项', source: '002:4002' }));
      const body = await bodyFromTemplate(as.linyiOfficer, 'linyi-2019', { opensAt: '2024-06-03T09:00:00+08:00', closesAt: '2024-06-28T17:00:00+08:00' }, '371302');
      const before = await count(`programs where tenant_id = '${LINYI}'`);
      const response = await http().post('/api/v1/programs').set(as.linyiOfficer.headers).send(body).expect(422);
      expect(response.body.code).toBe('contradicts_policy');
      expect(response.body.details.map((d: { path: string }) => d.path)).toEqual(['window.opensAt', 'window.closesAt']);
      for (const detail of response.body.details) expect(detail.message).toMatch(/第十一条第（二）项 \(002:4002\) receives applications from 2024-01-01 to 2024-03-31/);
      expect(await count(`programs where tenant_id = '${LINYI}'`)).toBe(before);

      body.window = { ...body.window, opensAt: '2024-01-02T09:00:00+08:00', closesAt: '2024-03-29T17:00:00+08:00' };
      await http().post('/api/v1/programs').set(as.linyiOfficer.headers).send(body).expect(201);
      expect(await count(`programs where tenant_id = '${LINYI}'`)).toBe(before + 1);
    });

    it('a Huangpu program from the template, rolling, in 2021: 201', async () => {
      const body = await huangpuBody();
      body.window = { kind: 'rolling', opensAt: '2021-01-04T09:00:00+08:00', closesAt: '2021-12-31T17:00:00+08:00' };
      const created = await http().post('/api/v1/programs').set(as.huangpuOfficer.headers).send(body).expect(201);
      expect(created.body.procedure.citations.map((c: { path: string }) => c.path)).toEqual([
        'window.kind',
        'review.stages.formal_check',
        'review.formalCheckWorkingDays',
        'procedure.rollingItems',
      ]);
    });
  });

  describe("the estimate at the application's date", () => {
    let programId: string;
    let draftId: string;

    beforeAll(async () => {
      programId = (
        await createProgram(db, {
          tenantId: FOSHAN,
          policyId: 'foshan-2018',
          year: 2023,
          opensAt: new Date('2023-11-01T09:00:00+08:00'),
          closesAt: new Date('2023-11-30T17:00:00+08:00'),
        })
      ).id;
      draftId = (await createApplication(db, { tenantId: FOSHAN, programId, organizationId: foshanOrg.id, districtCode: '440604', achievements: [nationalStandardLead('a1', '2023-06-01')] })).id;
    });

    it('prices a draft on a day the text is in force (today in CST)', async () => {
      clock.set(new Date('2023-11-30T23:30:00+08:00'));
      const estimate = await http().get(`/api/v1/applications/${draftId}/estimate`).set(as.applicant.headers).expect(200);
      expect(estimate.body).toMatchObject({ applicationDate: '2023-11-30', policy: { id: 'foshan-2018' } });
      expect(estimate.body.totalFen).toBeGreaterThan(0);
    });

    it('refuses a draft the day after the text expired (CST), naming the policy and its dates', async () => {
      // 2023-11-30T16:30Z is still 30 November in UTC but 1 December in China.
      clock.set(new Date('2023-11-30T16:30:00Z'));
      const response = await http().get(`/api/v1/applications/${draftId}/estimate`).set(as.applicant.headers).expect(409);
      expect(response.body.code).toBe('policy_not_in_force');
      expect(response.body.message).toMatch(/2023-12-01.*2018-12-01 至 2023-11-30/);
      expect(response.body.details).toEqual([{ path: 'applicationDate', message: expect.stringMatching(/2023-12-01/) }]);
    });

    it('refuses a submitted application dated outside the text (a program configured before the check), at its submission date', async () => {
      clock.set(new Date('2023-11-15T10:00:00+08:00'));
      const legacy = await createProgram(db, { tenantId: FOSHAN, policyId: 'foshan-2018', year: 2024, status: 'closed', opensAt: new Date('2024-03-01T09:00:00+08:00'), closesAt: new Date('2024-03-31T17:00:00+08:00') });
      const submitted = await createApplication(db, {
        tenantId: FOSHAN,
        programId: legacy.id,
        organizationId: foshanOrg.id,
        districtCode: '440604',
        status: 'formal_check',
        submittedAt: new Date('2024-03-20T10:00:00+08:00'),
        achievements: [nationalStandardLead('a1', '2023-06-01')],
      });
      const response = await http().get(`/api/v1/applications/${submitted.id}/estimate`).set(as.foshanOfficer.headers).expect(409);
      expect(response.body.code).toBe('policy_not_in_force');
      expect(response.body.message).toMatch(/2024-03-20.*2018-12-01 至 2023-11-30/);
    });
  });
});
