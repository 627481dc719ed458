import { asSuperuser, createApplication, createProgram, createTenant, createUser, login, registerApprovedOrganization, RegisteredOrganization, reviewSettings, Session } from '../support/factories';
import { createHandedOverProgram } from '../support/factories/finance';
import { ApiClient } from './scenarios-support/api-client';
import { fromStep, ScenarioHarness, waitFor } from './scenarios-support/scenario-harness';

interface EarlierAward {
  achievementId: string;
  achievementKey: string;
  applicationId: string;
  applicationStatus: string;
  programId: string;
  programTitle: string;
  programYear: number;
  decidedFen: number;
  payers: Array<{ payer: string; amountFen: number }>;
  sources: string[];
}

interface Estimate {
  totalFen: number;
  items: Array<{ achievementId: string; outcome: string; amountFen: number; article: string | null; reasons: string[]; trace: Array<{ article: string | null }> }>;
  earlierAwards: EarlierAward[];
}

interface DecisionList {
  applications: Array<{ applicationId: string; items: Array<{ achievementId: string; decidedFen: number; earlierAwards?: EarlierAward[] }> }>;
}

const NO_STAGES = reviewSettings({ stages: { formal_check: false, district_review: false, technical_review: false, expert_review: false } });

const standard = (id: string, standardNo: string, publishedOn: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'standard',
  level: 'national',
  action: 'formulate',
  role: 'lead',
  draftingRank: 1,
  standardNo,
  publishedOn,
  ...extra,
});

/** A draft program written by the factory, scheduled over HTTP: the real worker opens and closes it on the clock. */
async function scheduledProgram(h: ScenarioHarness, api: ApiClient, officer: Session, spec: { tenantId: string; policyId: string; year: number; title: string; opensAt: string; closesAt: string }): Promise<string> {
  const program = await createProgram(h.db, {
    tenantId: spec.tenantId,
    policyId: spec.policyId,
    year: spec.year,
    title: spec.title,
    status: 'draft',
    opensAt: new Date(spec.opensAt),
    closesAt: new Date(spec.closesAt),
    review: NO_STAGES,
  });
  await api.expect(officer, 200, { method: 'post', path: `/programs/${program.id}/schedule` });
  return program.id;
}

async function applyAndDeclare(api: ApiClient, applicant: Session, programId: string, achievements: object[]): Promise<string> {
  const created = await api.expect<{ id: string }>(applicant, 201, { method: 'post', path: `/programs/${programId}/applications` });
  await api.expect(applicant, 200, { method: 'put', path: `/applications/${created.id}/achievements`, body: { achievements } });
  await api.expect(applicant, 200, {
    method: 'post',
    path: `/applications/${created.id}/declaration`,
    body: { accepted: true, statement: '本单位承诺所提交的申报材料真实、完整、有效。' },
  });
  return created.id;
}

/** An application of another program in status decided, with one decided item: the award stands before publicity. */
async function decidedElsewhere(h: ScenarioHarness, org: RegisteredOrganization, spec: { tenantId: string; policyId: string; year: number; title: string; achievement: { id: string } & Record<string, unknown>; decidedFen: number }) {
  const program = await createProgram(h.db, { tenantId: spec.tenantId, policyId: spec.policyId, year: spec.year, title: spec.title, status: 'closed' });
  const application = await createApplication(h.db, {
    tenantId: spec.tenantId,
    programId: program.id,
    organizationId: org.organization.id,
    districtCode: org.organization.districtCode,
    status: 'decided',
    submittedAt: new Date(`${spec.year}-03-20T10:00:00+08:00`),
    achievements: [spec.achievement],
  });
  await asSuperuser(h.db, (client) =>
    client.query(
      `insert into decision_items (tenant_id, application_id, achievement_id, ceiling_fen, basis, article, proposed_fen, decided_fen)
       values ($1, $2, $3, $4, 'ceiling', '第九条第（二）项', $4, $4)`,
      [spec.tenantId, application.id, spec.achievement.id, spec.decidedFen],
    ),
  );
  return { programId: program.id, applicationId: application.id };
}

/**
 * Beijing, 《实施首都标准化战略补助资金管理办法》 第二十五条第（二）项 (002:3124): 项目已经获得本市市级财政资金支持的，不予支持.
 * The organization's standard was paid 285,000 yuan in one 2026 program (handed over); claimed again in a second 2026
 * program it gets nothing, and the officer sees the earlier award beside the claim. A second standard whose earlier
 * award is decided only AFTER the new application was submitted (so the estimate stored at submission still shows it
 * paid) is caught at the decision all the same: the stored figure is stale and the application is priced afresh.
 */
describe('no double funding across programs and years (Beijing 第二十五条第（二）项)', () => {
  const TENANT = 'beijing';
  let h: ScenarioHarness;
  let api: ApiClient;
  let officer: Session;
  let org: RegisteredOrganization;
  let applicant: Session;
  let firstProgramId: string;
  let firstApplicationId: string;
  let secondProgram: string | undefined;
  let claim: string | undefined;
  let third: { programId: string; applicationId: string } | undefined;
  const programId = (): string => fromStep(secondProgram, 'step 1 (the second program opens)');
  const applicationId = (): string => fromStep(claim, 'step 2 (the same standard claimed again)');

  beforeAll(async () => {
    h = await ScenarioHarness.start(new Date('2026-04-08T10:00:00+08:00'));
    api = new ApiClient(h.app);
    await createTenant(h.db, { id: TENANT, nameZh: '北京市', divisionCode: '110000', districts: [{ code: '110108', nameZh: '海淀区' }] });
    officer = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'program_officer' }));
    org = await registerApprovedOrganization(h.app, h.db, { tenantId: TENANT, districtCode: '110108', name: '北京海淀智联标准技术有限公司' }, officer);
    applicant = await login(h.app, org.applicant);
    // The first 2026 program: GB/T 45001-2025 decided at 285,000 yuan and handed over to finance.
    const first = await createHandedOverProgram(h.db, {
      tenantId: TENANT,
      policyId: 'beijing-2020',
      year: 2026,
      applications: [
        {
          organization: org.organization,
          achievements: [standard('s1', 'GB/T 45001-2025', '2025-05-20', { costsIncurredFen: 28_500_000 })],
          items: [{ achievementId: 's1', decidedFen: 28_500_000, article: '第九条第（二）项' }],
        },
      ],
    });
    firstProgramId = first.program.id;
    firstApplicationId = first.applicationIds[0];
    await h.startWorker();
  }, 90_000);

  afterAll(async () => {
    await h?.close();
  });

  it('1. a second 2026 program is scheduled over HTTP and the worker opens it', async () => {
    secondProgram = await scheduledProgram(h, api, officer, {
      tenantId: TENANT,
      policyId: 'beijing-2020',
      year: 2026,
      title: '2026年度首都标准化战略补助资金（第二批）',
      opensAt: '2026-04-10T09:00:00+08:00',
      closesAt: '2026-05-29T17:00:00+08:00',
    });
    h.setClock('2026-04-10T09:00:30+08:00');
    await waitFor('the second program to open', async () => (await h.statusOf('programs', programId())) === 'open');
  });

  it('2. the same standard claimed again is estimated at 0 (already_funded, 第二十五条第（二）项), with the earlier award beside it', async () => {
    h.setClock('2026-04-15T10:00:00+08:00');
    claim = await applyAndDeclare(api, applicant, programId(), [
      standard('a1', 'GB/T 45001-2025', '2025-05-20', { costsIncurredFen: 40_000_000 }),
      standard('a2', 'GB/T 45002-2025', '2025-07-01', { costsIncurredFen: 40_000_000 }),
      standard('a3', 'GB/T 45003-2025', '2025-09-01', { costsIncurredFen: 15_000_000 }),
    ]);
    const estimate = await api.expect<Estimate>(applicant, 200, { method: 'get', path: `/applications/${applicationId()}/estimate` });
    expect(estimate.items.map((i) => [i.achievementId, i.outcome, i.amountFen])).toEqual([
      ['a1', 'rejected', 0],
      ['a2', 'awarded', 30_000_000],
      ['a3', 'awarded', 15_000_000],
    ]);
    expect(estimate.items[0].reasons).toEqual(['already_funded']);
    expect(estimate.items[0].trace.map((t) => t.article)).toContain('第二十五条第（二）项');
    expect(estimate.totalFen).toBe(45_000_000);
    expect(estimate.earlierAwards).toEqual([
      {
        achievementId: 'a1',
        achievementKey: 'standard:national:GB/T 45001-2025',
        applicationId: firstApplicationId,
        applicationStatus: 'handed_over',
        programId: firstProgramId,
        programTitle: expect.any(String),
        programYear: 2026,
        decidedFen: 28_500_000,
        payers: [{ payer: 'city', amountFen: 28_500_000 }],
        sources: ['city'],
      },
    ]);
    const submitted = await api.expect<{ status: string; estimateTotalFen: number }>(applicant, 200, {
      method: 'post',
      path: `/applications/${applicationId()}/submit`,
      headers: { 'Idempotency-Key': 'double-funding-submit-1' },
    });
    expect(submitted).toMatchObject({ status: 'awaiting_decision', estimateTotalFen: 45_000_000 });
  });

  it('3. a2 is decided in a third program after the submission; the officer’s estimate shows both earlier awards', async () => {
    third = await decidedElsewhere(h, org, {
      tenantId: TENANT,
      policyId: 'beijing-2020',
      year: 2026,
      title: '2026年度首都标准化战略补助资金（第三批）',
      achievement: standard('t1', 'GB/T 45002-2025', '2025-07-01', { costsIncurredFen: 20_000_000 }),
      decidedFen: 20_000_000,
    });
    const estimate = await api.expect<Estimate>(officer, 200, { method: 'get', path: `/applications/${applicationId()}/estimate` });
    expect(estimate.items.map((i) => [i.achievementId, i.outcome, i.amountFen])).toEqual([
      ['a1', 'rejected', 0],
      ['a2', 'rejected', 0],
      ['a3', 'awarded', 15_000_000],
    ]);
    expect(estimate.earlierAwards.map((e) => [e.achievementId, e.programId, e.programYear, e.decidedFen, e.applicationStatus])).toEqual([
      ['a1', firstProgramId, 2026, 28_500_000, 'handed_over'],
      ['a2', fromStep(third, 'step 3').programId, 2026, 20_000_000, 'decided'],
    ]);
  });

  it('4. the worker closes the call; the decision prices afresh (the stored estimate is stale): a2 cannot be granted, a3 can', async () => {
    h.setClock('2026-05-29T17:00:30+08:00');
    await waitFor('the second program to close', async () => (await h.statusOf('programs', programId())) === 'closed');
    const refused = await api.call<{ code: string; details: Array<{ path: string; message: string }> }>(officer, 400, {
      method: 'put',
      path: `/applications/${applicationId()}/decision`,
      body: {
        items: [
          { achievementId: 'a1', amountFen: 0, reason: '已获市级财政资金支持（第二十五条第（二）项）' },
          { achievementId: 'a2', amountFen: 30_000_000 },
          { achievementId: 'a3', amountFen: 15_000_000 },
        ],
      },
    });
    // The estimate stored at submission priced a2 at 300,000 yuan; the decision sees the award decided since.
    expect(refused.body.details).toEqual([{ path: 'items[1].amountFen', message: '300000.00 元超过该项的上限 0.00 元' }]);
    const decided = await api.expect<{ status: string }>(officer, 200, {
      method: 'put',
      path: `/applications/${applicationId()}/decision`,
      body: {
        items: [
          { achievementId: 'a1', amountFen: 0, reason: '已获市级财政资金支持（第二十五条第（二）项）' },
          { achievementId: 'a2', amountFen: 0, reason: '已获市级财政资金支持（第二十五条第（二）项）' },
          { achievementId: 'a3', amountFen: 15_000_000 },
        ],
      },
    });
    expect(decided.status).toBe('decided');
  });

  it('5. the decision list shows, per item, the earlier awards beside the new claim', async () => {
    const list = await api.expect<DecisionList>(officer, 200, { method: 'get', path: `/programs/${programId()}/decision-list` });
    const [entry] = list.applications;
    expect(entry.applicationId).toBe(applicationId());
    expect(entry.items.map((i) => [i.achievementId, i.decidedFen, (i.earlierAwards ?? []).map((e) => [e.programId, e.decidedFen, e.applicationStatus])])).toEqual([
      ['a1', 0, [[firstProgramId, 28_500_000, 'handed_over']]],
      ['a2', 0, [[fromStep(third, 'step 3').programId, 20_000_000, 'decided']]],
      ['a3', 15_000_000, []],
    ]);
    expect(entry.items[2]).not.toHaveProperty('earlierAwards');
  });
});

/**
 * Foshan, 《佛山市标准化资助办法》 第二十二条 (002:4437), encoded as top-up: a standard already funded by the city counts
 * against the subsidy, and the difference is paid. 200,000 yuan decided for GB/T 41001-2022 in one 2022 program; the
 * same standard in a second 2022 program is estimated at 500,000 − 200,000 = 300,000 yuan.
 */
describe('top-up of an earlier award (Foshan 第二十二条)', () => {
  const TENANT = 'foshan';
  let h: ScenarioHarness;
  let api: ApiClient;
  let officer: Session;
  let applicant: Session;
  let firstProgramId: string;

  beforeAll(async () => {
    h = await ScenarioHarness.start(new Date('2022-06-27T10:00:00+08:00'));
    api = new ApiClient(h.app);
    await createTenant(h.db, { id: TENANT, nameZh: '佛山市', divisionCode: '440600', districts: [{ code: '440604', nameZh: '禅城区' }] });
    officer = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'program_officer' }));
    const org = await registerApprovedOrganization(h.app, h.db, { tenantId: TENANT, districtCode: '440604', name: '佛山禅城陶瓷科技有限公司' }, officer);
    applicant = await login(h.app, org.applicant);
    const first = await createHandedOverProgram(h.db, {
      tenantId: TENANT,
      policyId: 'foshan-2018',
      year: 2022,
      applications: [
        { organization: org.organization, achievements: [standard('s1', 'GB/T 41001-2022', '2022-03-17')], items: [{ achievementId: 's1', decidedFen: 20_000_000, article: '第八条第（二）项' }] },
      ],
    });
    firstProgramId = first.program.id;
    await h.startWorker();
  }, 90_000);

  afterAll(async () => {
    await h?.close();
  });

  it('the same standard in a second program is estimated at the difference, the earlier award beside it', async () => {
    const programId = await scheduledProgram(h, api, officer, {
      tenantId: TENANT,
      policyId: 'foshan-2018',
      year: 2022,
      title: '2022年度佛山市标准化资助（第二批）',
      opensAt: '2022-07-01T09:00:00+08:00',
      closesAt: '2022-08-31T17:00:00+08:00',
    });
    h.setClock('2022-07-01T09:00:30+08:00');
    await waitFor('the second program to open', async () => (await h.statusOf('programs', programId)) === 'open');
    h.setClock('2022-07-10T10:00:00+08:00');
    const applicationId = await applyAndDeclare(api, applicant, programId, [standard('a1', 'GB/T 41001-2022', '2022-03-17')]);
    const estimate = await api.expect<Estimate>(applicant, 200, { method: 'get', path: `/applications/${applicationId}/estimate` });
    const [item] = estimate.items;
    expect([item.outcome, item.amountFen, item.reasons]).toEqual(['awarded', 30_000_000, ['already_funded']]);
    expect(item.trace.map((t) => t.article)).toContain('第二十二条');
    expect(estimate.earlierAwards.map((e) => [e.achievementId, e.programId, e.decidedFen, e.sources])).toEqual([['a1', firstProgramId, 20_000_000, ['city']]]);
    const submitted = await api.expect<{ status: string; estimateTotalFen: number }>(applicant, 200, {
      method: 'post',
      path: `/applications/${applicationId}/submit`,
      headers: { 'Idempotency-Key': 'double-funding-foshan-1' },
    });
    expect(submitted).toMatchObject({ status: 'awaiting_decision', estimateTotalFen: 30_000_000 });
    const officerView = await api.expect<Estimate>(officer, 200, { method: 'get', path: `/applications/${applicationId}/estimate` });
    expect(officerView.earlierAwards).toHaveLength(1);
  });
});
