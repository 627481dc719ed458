import { verifyAuditChain } from '@subsidy/audit';
import { parseCalendarDate as day, publicityEnd } from '@subsidy/calendar';
import { asSuperuser, createTenant, createUser, login, makeUscc, registerApprovedOrganization, RegisteredOrganization, Session, UserFixture } from '../support/factories';
import { ApiClient } from './scenarios-support/api-client';
import { fromStep, ScenarioHarness, waitFor } from './scenarios-support/scenario-harness';
import {
  approveAll,
  financeReport,
  payThroughWorker,
  programBodyFrom,
  ProgramTemplateView,
  readTemplate,
  setBudget,
  setPayeeAccount,
  stagesPassed,
  takeIn,
} from './scenarios-support/text-steps';
import { ApplicationView, draftAndSchedule, prepareApplication, submit } from './scenarios-support/workflow-steps';

interface PricedItem {
  achievementId: string;
  outcome: string;
  amountFen: number;
  basis: string | null;
  article: string | null;
  reasons: string[];
}

/**
 * Beijing, 《实施首都标准化战略补助资金管理办法》 (seed 002 lines 3014-3150; no 第X条 labels in the seed, articles counted
 * from 002:3020 as in the policy file), the 2024 call run end to end through the real API and worker on one manual clock
 * (the text is in force from 2020-02-25, 第三十四条, with no end):
 * - 第十三条 (3070): 市市场监督管理局委托技术机构组织标准化专家对标准制修订项目进行评审 -> an expert review of the 标准制修订
 *   items only (procedure.stages.scope std.*): an application with a standard goes to the panel, which judges its standards
 *   only; a pilot-only application skips it (第十八条 3095: pilots are paid after their 考核评估, i.e. accepted pilots);
 * - 第九条 (3055-3062): ceilings per level; 第九条第（七）项 / 第十七条第（四）项: never more than the actual costs;
 *   第十条 (3064): 由标准编制排名前三位的起草单位之一提出 -> a fourth drafter gets nothing; 第八条第（三）项 (3051):
 *   standards published in the previous year (2023);
 * - 第二十五条第（三）项 (3125): 提供的材料不齐全 不予支持 -> the office's formal check (on in the template);
 * - 第十二条 (3068): the call's time and receiving office are the bureau's to publish; the text has no 公示 (the office
 *   chose the template's 7 calendar days) and 第六条 (3032) lets the bureau decide and pay without a higher approval;
 * - 第四条 (3026): 资金由市级财政通过一般公共预算安排 -> the city pays every award.
 */
describe('scenario: Beijing call with an expert review of the standard items only, from the text to payment', () => {
  const TENANT = 'beijing';
  let h: ScenarioHarness;
  let api: ApiClient;
  let officer: Session;
  let finance: Session;
  let experts: Array<{ user: UserFixture; session: Session }>;
  let orgA: RegisteredOrganization;
  let orgB: RegisteredOrganization;
  let applicantA: Session;
  let applicantB: Session;
  let template: ProgramTemplateView;
  let scheduledId: string | undefined;
  let submittedA: string | undefined;
  let submittedB: string | undefined;
  let openedPublicity: string | undefined;
  const programId = (): string => fromStep(scheduledId, 'step 1 (schedule the call)');
  const appA = (): string => fromStep(submittedA, 'step 2 (A applies)');
  const appB = (): string => fromStep(submittedB, 'step 2 (B applies)');
  const publicityId = (): string => fromStep(openedPublicity, 'step 6 (publicity)');

  beforeAll(async () => {
    h = await ScenarioHarness.start(new Date('2024-03-11T10:00:00+08:00'));
    api = new ApiClient(h.app);
    await createTenant(h.db, {
      id: TENANT,
      nameZh: '北京市',
      divisionCode: '110000',
      districts: [
        { code: '110108', nameZh: '海淀区' },
        { code: '110105', nameZh: '朝阳区' },
      ],
    });
    officer = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'program_officer' }));
    finance = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'finance_officer', financeLevel: 'city' }));
    experts = [];
    for (let i = 0; i < 3; i++) {
      const user = await createUser(h.db, { tenantId: TENANT, role: 'expert', displayName: `标准化专家${i + 1}（受托技术机构组织）` });
      experts.push({ user, session: await login(h.app, user) });
    }
    await h.startWorker();
  }, 90_000);

  afterAll(async () => {
    await h?.close();
  });

  it('1. the template requires the expert review for 标准制修订 items (第十三条) and leaves the call to the bureau (第十二条)', async () => {
    template = await readTemplate(api, officer, 'beijing-2020');
    expect(template.policy).toMatchObject({ effectiveFrom: '2020-02-25', effectiveTo: null });
    expect(template.review.stages).toMatchObject({ formal_check: true, expert_review: true, district_review: false });
    const expertCitation = template.citations.find((c) => c.path === 'review.stages.expert_review');
    expect(expertCitation).toMatchObject({ article: '第十三条', source: '002:3070' });
    expect(template.defaults.map((d) => d.path)).toEqual(expect.arrayContaining(['window.kind', 'review.publicity']));
    const program = await draftAndSchedule(
      api,
      officer,
      programBodyFrom(template, {
        year: 2024,
        title: '2024年度首都标准化战略补助资金',
        opensAt: '2024-04-08T09:00:00+08:00',
        closesAt: '2024-05-31T17:00:00+08:00',
        call: {
          title: '关于组织申报2024年度首都标准化战略补助资金项目的通知',
          body: '标准制修订补助的申请时间、具体要求与受理机构以本通知为准（第十二条）；标准制修订项目由受托技术机构组织专家评审（第十三条）。',
          materials: { standard: ['补助资金申请书', '标准文本及发布公告', '实际发生费用明细'], standardization_pilot: ['补助资金申请书', '考核评估（验收）报告', '实际发生费用明细'] },
          receivingOffice: '北京市市场监督管理局',
        },
        budget: { totalFen: 1_000_000_000, rule: 'pro_rata', sources: [{ source: 'city', amountFen: 1_000_000_000 }] },
      }),
    );
    scheduledId = program.id;
    h.setClock('2024-04-08T09:00:30+08:00');
    await waitFor('the call to open', async () => (await h.statusOf('programs', programId())) === 'open');
  });

  it('2. A claims 2023 standards and a pilot; B only a pilot; ceilings, actual costs and the top-three rule apply (第九条, 第十条, 第十七条)', async () => {
    h.setClock('2024-04-15T10:00:00+08:00');
    orgA = await registerApprovedOrganization(h.app, h.db, { tenantId: TENANT, districtCode: '110108', name: '北京海淀智联标准技术有限公司' }, officer);
    orgB = await registerApprovedOrganization(h.app, h.db, { tenantId: TENANT, districtCode: '110105', name: '北京朝阳城市服务标准化研究院有限公司' }, officer);
    applicantA = await login(h.app, orgA.applicant);
    applicantB = await login(h.app, orgB.applicant);
    const a = await prepareApplication(api, applicantA, programId(), {
      achievements: [
        { id: 'a1', type: 'standard', level: 'national', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'GB/T 43697-2023', publishedOn: '2023-05-23', costsIncurredFen: 18_000_000 },
        { id: 'a2', type: 'standard', level: 'industry', action: 'formulate', role: 'participate', draftingRank: 2, standardNo: 'YD/T 4390-2023', publishedOn: '2023-09-14', costsIncurredFen: 40_000_000 },
        { id: 'a3', type: 'standard', level: 'national', action: 'revise', role: 'participate', draftingRank: 4, standardNo: 'GB/T 22239-2023', publishedOn: '2023-11-10', costsIncurredFen: 9_000_000 },
        { id: 'a4', type: 'standardization_pilot', level: 'city', stage: 'accepted', startedOn: '2022-03-01', acceptedOn: '2023-12-15', costsIncurredFen: 9_000_000 },
      ],
      evidence: { a1: '标准文本及发布公告', a2: '标准文本及发布公告', a3: '标准文本及发布公告', a4: '考核评估（验收）报告' },
    });
    const items = a.estimate.items as unknown as PricedItem[];
    // 第九条第（二）项 national ≤ 30 万, capped at the 18 万 actually spent (第九条第（七）项); 第九条第（三）项 industry ≤ 20 万
    // (40 万 spent); a3: the fourth drafter may not apply (第十条); a4: a municipal pilot ≤ 15 万, capped at 9 万 spent
    // (第十七条第（三）项、第（四）项).
    expect(items.map((i) => [i.achievementId, i.outcome, i.amountFen, i.basis])).toEqual([
      ['a1', 'awarded', 18_000_000, 'ceiling'],
      ['a2', 'awarded', 20_000_000, 'ceiling'],
      ['a3', 'rejected', 0, 'ceiling'],
      ['a4', 'awarded', 9_000_000, 'ceiling'],
    ]);
    expect(items[2].reasons).toEqual(['rank_too_low']);
    const b = await prepareApplication(api, applicantB, programId(), {
      achievements: [{ id: 'b1', type: 'standardization_pilot', level: 'national', stage: 'accepted', startedOn: '2021-09-01', acceptedOn: '2023-10-20', costsIncurredFen: 25_000_000 }],
      evidence: { b1: '考核评估（验收）报告' },
    });
    // 第十七条第（二）项: a national pilot (not regional multi-department) ≤ 20 万 (25 万 spent).
    expect(b.estimate.items.map((i) => [i.amountFen, i.article])).toEqual([[20_000_000, '第十七条第（二）项']]);
    expect((await submit(api, applicantA, a.applicationId, 'beijing-submit-a')).status).toBe('formal_check');
    expect((await submit(api, applicantB, b.applicationId, 'beijing-submit-b')).status).toBe('formal_check');
    submittedA = a.applicationId;
    submittedB = b.applicationId;
  });

  it('3. after the formal check (第二十五条第（三）项) A, which has standards, goes to the experts; B, a pilot only, skips them (第十三条)', async () => {
    h.setClock('2024-04-22T10:00:00+08:00');
    const checkedA = await api.expect<ApplicationView>(officer, 200, { method: 'post', path: `/applications/${appA()}/formal-check`, body: { outcome: 'complete' } });
    const checkedB = await api.expect<ApplicationView>(officer, 200, { method: 'post', path: `/applications/${appB()}/formal-check`, body: { outcome: 'complete' } });
    expect([checkedA.status, checkedB.status]).toEqual(['expert_review', 'awaiting_decision']);
  });

  it('4. the panel judges the standards only: a proposal for the pilot is refused; the combined proposals are the mean, floored', async () => {
    h.setClock('2024-04-29T09:30:00+08:00');
    for (const expert of experts) {
      await api.expect(officer, 200, { method: 'put', path: `/experts/${expert.user.id}/profile`, body: { field: '信息技术标准化', affiliatedUsccs: [makeUscc({ division: '110102' })], active: true } });
    }
    await api.expect(officer, 201, { method: 'post', path: `/applications/${appA()}/panel` });
    for (const expert of experts) await api.expect(expert.session, 200, { method: 'post', path: `/applications/${appA()}/expert-declaration`, body: { noConflict: true } });
    const withPilot = await api.call<{ details: Array<{ path: string }> }>(experts[0].session, 400, {
      method: 'put',
      path: `/applications/${appA()}/panel/score`,
      body: { scores: { technical_level: 3500, benefit: 3500, materials: 1800 }, amounts: { a1: 15_000_000, a2: 20_000_000, a3: 0, a4: 9_000_000 } },
    });
    expect(withPilot.body.details.map((d) => d.path)).toEqual(['amounts.a4']);
    const proposals = [
      { a1: 15_000_000, a2: 20_000_000, a3: 0 },
      { a1: 18_000_000, a2: 18_000_000, a3: 0 },
      { a1: 16_000_000, a2: 19_000_000, a3: 0 },
    ];
    for (const [index, expert] of experts.entries()) {
      await api.expect(expert.session, 200, {
        method: 'put',
        path: `/applications/${appA()}/panel/score`,
        body: { scores: { technical_level: 3400 + index * 100, benefit: 3300, materials: 1700 }, amounts: proposals[index], comment: '填补标准空白，水平先进（第八条）' },
      });
    }
    h.setClock('2024-05-06T10:00:00+08:00');
    const combined = await api.expect<{ status: string; items: Array<{ achievementId: string; amountFen: number }> }>(officer, 200, { method: 'post', path: `/applications/${appA()}/expert-review/complete` });
    expect(combined.status).toBe('awaiting_decision');
    // (15 + 18 + 16) 万 / 3 = 16,333,333.33 fen -> 16,333,333; (20 + 18 + 19) 万 / 3 = 19 万; the pilot is not the panel's.
    expect(combined.items.map((i) => [i.achievementId, i.amountFen])).toEqual([
      ['a1', 16_333_333],
      ['a2', 19_000_000],
      ['a3', 0],
    ]);
  });

  it('5. after the call closes the bureau 择优确定 the awards within the ceilings (第十三条, 第六条) and decides the program', async () => {
    h.setClock('2024-05-31T17:00:01+08:00');
    await waitFor('the call to close', async () => (await h.statusOf('programs', programId())) === 'closed');
    h.setClock('2024-06-11T10:00:00+08:00');
    const overCosts = await api.call<{ details: Array<{ path: string }> }>(officer, 400, {
      method: 'put',
      path: `/applications/${appA()}/decision`,
      body: { items: [{ achievementId: 'a1', amountFen: 18_000_001 }, { achievementId: 'a2', amountFen: 19_000_000 }, { achievementId: 'a3', amountFen: 0 }, { achievementId: 'a4', amountFen: 9_000_000 }] },
    });
    expect(overCosts.body.details.map((d) => d.path)).toEqual(['items[0].amountFen']);
    const decidedA = await api.expect<{ decidedTotalFen: number; items: Array<{ achievementId: string; proposedFen: number; decidedFen: number }> }>(officer, 200, {
      method: 'put',
      path: `/applications/${appA()}/decision`,
      body: { items: [{ achievementId: 'a1', amountFen: 16_333_333 }, { achievementId: 'a2', amountFen: 19_000_000 }, { achievementId: 'a3', amountFen: 0 }, { achievementId: 'a4', amountFen: 9_000_000 }] },
    });
    expect(decidedA.decidedTotalFen).toBe(44_333_333);
    // The pilot kept its engine ceiling as its proposal (no panel for it); the standards the panel's mean.
    expect(decidedA.items.map((i) => [i.achievementId, i.proposedFen])).toEqual([
      ['a1', 16_333_333],
      ['a2', 19_000_000],
      ['a3', 0],
      ['a4', 9_000_000],
    ]);
    await api.expect(officer, 200, { method: 'put', path: `/applications/${appB()}/decision`, body: { items: [{ achievementId: 'b1', amountFen: 20_000_000 }] } });
    const program = await api.expect<{ scaled: boolean; allocatedFen: number }>(officer, 200, { method: 'post', path: `/programs/${programId()}/decide`, body: {} });
    expect(program).toMatchObject({ scaled: false, allocatedFen: 64_333_333 });
  });

  it('6. the list is publicized for the 7 calendar days the office chose (the text has none) and handed over without a higher approval (第六条)', async () => {
    h.setClock('2024-06-17T09:00:00+08:00');
    const opened = await api.expect<{ id: string; endsOn: string }>(officer, 201, { method: 'post', path: `/programs/${programId()}/publicity`, body: { startsOn: '2024-06-17' } });
    openedPublicity = opened.id;
    expect(opened.endsOn).toBe(publicityEnd(day('2024-06-17'), { days: 7, unit: 'calendar' }));
    h.setClock('2024-06-24T00:00:05+08:00');
    await waitFor('the publicity to close', async () => (await h.statusOf('publicities', publicityId())) === 'closed');
    await waitFor('the program to be publicized', async () => (await h.statusOf('programs', programId())) === 'publicized');
    h.setClock('2024-06-25T10:00:00+08:00');
    const handed = await api.expect<{ totalFen: number; allocationApproval: unknown }>(officer, 200, { method: 'post', path: `/programs/${programId()}/hand-over` });
    expect(handed).toMatchObject({ totalFen: 64_333_333, allocationApproval: null });
  });

  it('7. city finance takes the list in (第四条: the municipal budget pays); the pilots are one payment (第十八条)', async () => {
    h.setClock('2024-06-26T10:00:00+08:00');
    await setBudget(api, finance, programId(), 'city', 1_000_000_000, 'beijing-budget-city');
    const intake = await takeIn(api, finance, programId(), 'beijing-intake');
    expect(intake.committedByPayer).toEqual({ city: 64_333_333 });
    expect(intake.awards.map((a) => [a.achievementId, a.article, a.shares.map((s) => [s.payer, s.amountFen, s.installments.length])]).sort()).toEqual([
      ['a1', '第九条第（二）项', [['city', 16_333_333, 1]]],
      ['a2', '第九条第（三）项', [['city', 19_000_000, 1]]],
      ['a4', '第十七条第（三）项', [['city', 9_000_000, 1]]],
      ['b1', '第十七条第（二）项', [['city', 20_000_000, 1]]],
    ]);
    expect((await approveAll(api, finance, programId(), 'city', 'beijing-approve-city')).approvedFen).toBe(64_333_333);
  });

  it('8. the worker instructs the batch and the bank confirms; everything decided is paid', async () => {
    h.setClock('2024-07-01T10:00:00+08:00');
    await setPayeeAccount(api, applicantA, orgA.organization.id, { accountName: orgA.organization.name, bankName: '北京银行海淀支行', accountNo: '20000012345678901234' });
    await setPayeeAccount(api, applicantB, orgB.organization.id, { accountName: orgB.organization.name, bankName: '中国建设银行北京朝阳支行', accountNo: '11050110123400001234' });
    const { released, paid } = await payThroughWorker(h, api, finance, programId(), 'city', { release: 'beijing-release-city', confirm: 'beijing-confirm-city' }, 'BJCZ-20240701-001');
    expect(released.totalFen).toBe(64_333_333);
    expect(paid.status).toBe('confirmed');
    expect((await financeReport(api, finance, programId())).totals).toMatchObject({ paidFen: 64_333_333, outstandingFen: 0 });
  });

  it('9. A went formal check, experts, decision; B formal check then decision (no panel); the audit chain is intact', async () => {
    expect(await stagesPassed(h, appA())).toEqual(['formal_check', 'expert_review', 'awaiting_decision', 'decided', 'in_publicity', 'approved', 'handed_over']);
    expect(await stagesPassed(h, appB())).toEqual(['formal_check', 'awaiting_decision', 'decided', 'in_publicity', 'approved', 'handed_over']);
    expect(await h.rows(`select 1 from panels where application_id = $1`, [appB()])).toEqual([]);
    const verification = await asSuperuser(h.db, (client) => verifyAuditChain(client, TENANT));
    expect(verification.ok).toBe(true);
  });
});
