import { verifyAuditChain } from '@subsidy/audit';
import { parseCalendarDate as day, publicityEnd } from '@subsidy/calendar';
import { asSuperuser, createTenant, createUser, login, makeUscc, registerApprovedOrganization, RegisteredOrganization, Session, UserFixture } from '../support/factories';
import { ApiClient } from './scenarios-support/api-client';
import { fromStep, ScenarioHarness, waitFor } from './scenarios-support/scenario-harness';
import {
  approveAll,
  financeReport,
  IntakeView,
  payThroughWorker,
  programBodyFrom,
  ProgramTemplateView,
  readTemplate,
  setBudget,
  setPayeeAccount,
  sharesOf,
  stagesPassed,
  takeIn,
} from './scenarios-support/text-steps';
import { ApplicationView, draftAndSchedule, prepareApplication, submit } from './scenarios-support/workflow-steps';

/**
 * Weihai, 《威海市标准化资助资金管理办法》 (seed 002 lines 4507-4641), the 2023 round run end to end through the real API and
 * worker on one manual clock (the text is in force 2020-01-01..2024-12-31, 第二十八条):
 * - 第二十一条 (4606): 市市场监管局每年3月份启动 … 项目所在地区市 … 的标准化行政主管部门对申请材料进行初审 … 报市市场监管局
 *   -> a call opened in March; each district pre-reviews its own projects first;
 * - 第二十二条 (4612): 市市场监管局统一受理各区市 … 汇总上报的申请材料, 审核申请材料的真实性、完整性. 聘请相关专家组成专家组,
 *   对申请材料进行评审 -> then the city's formal check, then the experts, in that order (procedure.stages.order);
 * - 第五条至第八条 (4529-4547): ceilings (不超过); 第十一条 (4555) 国家级企业标准“领跑者” 10 万元 (fixed); 第十五条 (4571):
 *   standards of the last two years, other items of this year; 第十八条 (4594): 主持 = the first drafter;
 * - 第二十四条 (4625): 确定 … 名单和金额, 对社会公示后 (length not in the text: the office chose 7 calendar days),
 *   市财政局将资金指标下达各区市 -> no higher approval;
 * - 第二十条 (4602): 资助资金由市财政和项目所在地县级财政按照1:1比例分担 -> every award split city:district 1:1 to the fen,
 *   each payer approving and paying its own share.
 */
describe('scenario: Weihai round, district first, then the city, then experts; every award split 1:1 city:district, to payment', () => {
  const TENANT = 'weihai';
  let h: ScenarioHarness;
  let api: ApiClient;
  let officer: Session;
  let huancuiReviewer: Session;
  let wendengReviewer: Session;
  let cityFinance: Session;
  let huancuiFinance: Session;
  let wendengFinance: Session;
  let experts: Array<{ user: UserFixture; session: Session }>;
  let orgA: RegisteredOrganization;
  let orgB: RegisteredOrganization;
  let applicantA: Session;
  let applicantB: Session;
  let template: ProgramTemplateView;
  let intake: IntakeView;
  let scheduledId: string | undefined;
  let submittedA: string | undefined;
  let submittedB: string | undefined;
  let openedPublicity: string | undefined;
  const programId = (): string => fromStep(scheduledId, 'step 1 (schedule the round)');
  const appA = (): string => fromStep(submittedA, 'step 2 (apply)');
  const appB = (): string => fromStep(submittedB, 'step 2 (apply)');
  const publicityId = (): string => fromStep(openedPublicity, 'step 7 (publicity)');

  beforeAll(async () => {
    h = await ScenarioHarness.start(new Date('2023-02-13T10:00:00+08:00'));
    api = new ApiClient(h.app);
    await createTenant(h.db, {
      id: TENANT,
      nameZh: '威海市',
      divisionCode: '371000',
      districts: [
        { code: '371002', nameZh: '环翠区' },
        { code: '371003', nameZh: '文登区' },
      ],
    });
    officer = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'program_officer' }));
    huancuiReviewer = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'district_reviewer', districtCode: '371002', displayName: '环翠区市场监督管理局' }));
    wendengReviewer = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'district_reviewer', districtCode: '371003', displayName: '文登区市场监督管理局' }));
    cityFinance = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'finance_officer', financeLevel: 'city' }));
    huancuiFinance = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'finance_officer', financeLevel: 'district', districtCode: '371002' }));
    wendengFinance = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'finance_officer', financeLevel: 'district', districtCode: '371003' }));
    experts = [];
    for (let i = 0; i < 3; i++) {
      const user = await createUser(h.db, { tenantId: TENANT, role: 'expert', displayName: `威海市标准化专家${i + 1}` });
      experts.push({ user, session: await login(h.app, user) });
    }
    await h.startWorker();
  }, 90_000);

  afterAll(async () => {
    await h?.close();
  });

  it('1. the template orders the stages as the text does (第二十一条、第二十二条); the default order is refused; the March round is scheduled', async () => {
    template = await readTemplate(api, officer, 'weihai-2020');
    expect(template.review.stages).toMatchObject({ district_review: true, formal_check: true, expert_review: true });
    expect((template.review as unknown as { stageOrder: string[] }).stageOrder).toEqual(['district_review', 'formal_check', 'technical_review', 'expert_review']);
    expect(template.citations.map((c) => [c.path, c.article])).toEqual(
      expect.arrayContaining([
        ['window.kind', '第二十一条'],
        ['review.stageOrder', '第二十一条、第二十二条'],
        ['review.stages.district_review', '第二十一条、第二十二条'],
        ['review.stages.formal_check', '第二十一条、第二十二条'],
        ['review.stages.expert_review', '第二十一条、第二十二条'],
      ]),
    );
    const choices = {
      year: 2023,
      title: '2023年度威海市标准化资助资金',
      opensAt: '2023-03-06T09:00:00+08:00',
      closesAt: '2023-04-28T17:00:00+08:00',
      call: {
        title: '关于开展2023年度威海市标准化资助资金申请评估工作的通知',
        body: '申请材料报项目所在地区市标准化行政主管部门初审，汇总后报市市场监管局（第二十一条）。',
        materials: { standard: ['威海市标准化资助资金申请表', '批准发布公告及标准文本', '标准审查会议纪要'], leader: ['威海市标准化资助资金申请表', '认定文件'] },
        receivingOffice: '项目所在地区市标准化行政主管部门',
      },
      budget: {
        totalFen: 200_000_000,
        rule: 'pro_rata' as const,
        sources: [
          { source: 'city', amountFen: 100_000_000 },
          { source: 'district:371002', amountFen: 50_000_000 },
          { source: 'district:371003', amountFen: 50_000_000 },
        ],
      },
    };
    const defaultOrder = programBodyFrom(template, choices);
    const withDefaultOrder = { ...defaultOrder, review: { ...defaultOrder.review, stageOrder: ['formal_check', 'district_review', 'technical_review', 'expert_review'] } };
    const refused = await api.call<{ code: string; details: Array<{ path: string; message: string }> }>(officer, 422, { method: 'post', path: '/programs', body: withDefaultOrder });
    expect(refused.body.details).toEqual([{ path: 'review.stageOrder', message: expect.stringContaining('第二十一条、第二十二条') }]);
    const program = await draftAndSchedule(api, officer, programBodyFrom(template, choices));
    scheduledId = program.id;
    h.setClock('2023-03-06T09:00:30+08:00');
    await waitFor('the round to open', async () => (await h.statusOf('programs', programId())) === 'open');
  });

  it('2. two enterprises of two districts claim recent standards they led (第六条、第七条、第八条) and a national 领跑者 (第十一条)', async () => {
    h.setClock('2023-03-20T10:00:00+08:00');
    orgA = await registerApprovedOrganization(h.app, h.db, { tenantId: TENANT, districtCode: '371002', name: '威海环翠海洋装备科技有限公司' }, huancuiReviewer);
    orgB = await registerApprovedOrganization(h.app, h.db, { tenantId: TENANT, districtCode: '371003', name: '威海文登机电股份有限公司' }, wendengReviewer);
    applicantA = await login(h.app, orgA.applicant);
    applicantB = await login(h.app, orgB.applicant);
    const a = await prepareApplication(api, applicantA, programId(), {
      achievements: [
        { id: 'a1', type: 'standard', level: 'national', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'GB/T 42160-2022', title: '海洋工程装备 系泊链检验规范', publishedOn: '2022-08-01' },
        { id: 'a2', type: 'standard', level: 'industry', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'CB/T 4510-2023', publishedOn: '2023-01-10' },
      ],
      evidence: { a1: '批准发布公告及标准文本', a2: '批准发布公告及标准文本' },
    });
    expect(a.estimate.items.map((i) => [i.achievementId, i.amountFen, i.basis, i.article])).toEqual([
      ['a1', 50_000_000, 'ceiling', '第六条'],
      ['a2', 20_000_000, 'ceiling', '第七条'],
    ]);
    const b = await prepareApplication(api, applicantB, programId(), {
      achievements: [
        { id: 'b1', type: 'standard', level: 'provincial_local', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'DB37/T 4401-2022', publishedOn: '2022-05-01' },
        { id: 'b2', type: 'leader', level: 'national', role: 'enterprise', recognizedOn: '2023-02-01', enterpriseStandardNo: 'Q/WDJD 0012-2022' },
      ],
      evidence: { b1: '批准发布公告及标准文本', b2: '认定文件' },
    });
    expect(b.estimate.items.map((i) => [i.achievementId, i.amountFen, i.basis, i.article])).toEqual([
      ['b1', 10_000_000, 'ceiling', '第八条'],
      ['b2', 10_000_000, 'fixed', '第十一条'],
    ]);
    const [sa, sb] = [await submit(api, applicantA, a.applicationId, 'weihai-submit-a'), await submit(api, applicantB, b.applicationId, 'weihai-submit-b')];
    // 第二十一条: the district's 初审 is the first stage, before the city sees the application.
    expect([sa.status, sb.status]).toEqual(['district_review', 'district_review']);
    submittedA = a.applicationId;
    submittedB = b.applicationId;
  });

  it("3. the city cannot check an application the district has not pre-reviewed; each district forwards its own to the city (第二十一条)", async () => {
    h.setClock('2023-04-03T10:00:00+08:00');
    const tooEarly = await api.call<{ code: string }>(officer, 409, { method: 'post', path: `/applications/${appA()}/formal-check`, body: { outcome: 'complete' } });
    expect(tooEarly.body.code).toBe('invalid_state');
    await api.call(wendengReviewer, 403, { method: 'post', path: `/applications/${appA()}/district-review`, body: { outcome: 'forward' } });
    const forwardedA = await api.expect<ApplicationView>(huancuiReviewer, 200, { method: 'post', path: `/applications/${appA()}/district-review`, body: { outcome: 'forward', reasons: ['原件已核，签署初审意见'] } });
    const forwardedB = await api.expect<ApplicationView>(wendengReviewer, 200, { method: 'post', path: `/applications/${appB()}/district-review`, body: { outcome: 'forward', reasons: ['原件已核，签署初审意见'] } });
    expect([forwardedA.status, forwardedB.status]).toEqual(['formal_check', 'formal_check']);
  });

  it("4. the city's 受理审核 (第二十二条) passes both, sending them to the experts", async () => {
    h.setClock('2023-04-10T10:00:00+08:00');
    for (const id of [appA(), appB()]) {
      expect((await api.expect<ApplicationView>(officer, 200, { method: 'post', path: `/applications/${id}/formal-check`, body: { outcome: 'complete' } })).status).toBe('expert_review');
    }
  });

  it('5. the expert group scores (第二十二条); the proposals are combined as the mean, floored to the fen', async () => {
    h.setClock('2023-04-17T09:30:00+08:00');
    for (const expert of experts) {
      await api.expect(officer, 200, { method: 'put', path: `/experts/${expert.user.id}/profile`, body: { field: '标准化', affiliatedUsccs: [makeUscc({ division: '370200' })], active: true } });
    }
    const proposals: Record<string, Array<Record<string, number>>> = {
      [appA()]: [
        { a1: 40_000_000, a2: 18_000_000 },
        { a1: 45_000_000, a2: 20_000_000 },
        { a1: 38_000_003, a2: 15_000_000 },
      ],
      [appB()]: [
        { b1: 10_000_000, b2: 10_000_000 },
        { b1: 9_000_000, b2: 10_000_000 },
        { b1: 8_000_000, b2: 10_000_000 },
      ],
    };
    for (const id of [appA(), appB()]) {
      await api.expect(officer, 201, { method: 'post', path: `/applications/${id}/panel` });
      for (const [index, expert] of experts.entries()) {
        await api.expect(expert.session, 200, { method: 'post', path: `/applications/${id}/expert-declaration`, body: { noConflict: true } });
        await api.expect(expert.session, 200, {
          method: 'put',
          path: `/applications/${id}/panel/score`,
          body: { scores: { technical_level: 3000 + index * 200, benefit: 3200, materials: 1800 }, amounts: proposals[id][index], comment: '项目先进性、创新性材料充分' },
        });
      }
    }
    h.setClock('2023-04-24T10:00:00+08:00');
    const a = await api.expect<{ status: string; items: Array<{ achievementId: string; amountFen: number }> }>(officer, 200, { method: 'post', path: `/applications/${appA()}/expert-review/complete` });
    const b = await api.expect<{ status: string; items: Array<{ achievementId: string; amountFen: number }> }>(officer, 200, { method: 'post', path: `/applications/${appB()}/expert-review/complete` });
    // (40,000,000 + 45,000,000 + 38,000,003) / 3 = 41,000,001; (18 + 20 + 15) 万 / 3 = 17,666,666.67 -> 17,666,666.
    expect(a.items.map((i) => [i.achievementId, i.amountFen])).toEqual([
      ['a1', 41_000_001],
      ['a2', 17_666_666],
    ]);
    expect(b.items.map((i) => [i.achievementId, i.amountFen])).toEqual([
      ['b1', 9_000_000],
      ['b2', 10_000_000],
    ]);
    expect([a.status, b.status]).toEqual(['awaiting_decision', 'awaiting_decision']);
  });

  it('6. after the deadline the office fixes the list and amounts on the experts\' conclusion (第二十四条)', async () => {
    h.setClock('2023-04-28T17:00:01+08:00');
    await waitFor('the round to close', async () => (await h.statusOf('programs', programId())) === 'closed');
    h.setClock('2023-05-08T10:00:00+08:00');
    await api.expect(officer, 200, { method: 'put', path: `/applications/${appA()}/decision`, body: { items: [{ achievementId: 'a1', amountFen: 41_000_001 }, { achievementId: 'a2', amountFen: 17_666_666 }] } });
    await api.expect(officer, 200, { method: 'put', path: `/applications/${appB()}/decision`, body: { items: [{ achievementId: 'b1', amountFen: 9_000_000 }, { achievementId: 'b2', amountFen: 10_000_000 }] } });
    const program = await api.expect<{ scaled: boolean; allocatedFen: number }>(officer, 200, { method: 'post', path: `/programs/${programId()}/decide`, body: {} });
    expect(program).toMatchObject({ scaled: false, allocatedFen: 77_666_667 });
  });

  it('7. 对社会公示 (第二十四条) for the 7 calendar days the office chose; then the list goes to finance without a higher approval', async () => {
    h.setClock('2023-05-10T09:00:00+08:00');
    const opened = await api.expect<{ id: string; endsOn: string }>(officer, 201, { method: 'post', path: `/programs/${programId()}/publicity`, body: { startsOn: '2023-05-10' } });
    openedPublicity = opened.id;
    expect(opened.endsOn).toBe(publicityEnd(day('2023-05-10'), { days: 7, unit: 'calendar' }));
    h.setClock('2023-05-17T00:00:05+08:00');
    await waitFor('the publicity to close', async () => (await h.statusOf('publicities', publicityId())) === 'closed');
    await waitFor('the program to be publicized', async () => (await h.statusOf('programs', programId())) === 'publicized');
    h.setClock('2023-05-18T10:00:00+08:00');
    const handed = await api.expect<{ totalFen: number; allocationApproval: unknown }>(officer, 200, { method: 'post', path: `/programs/${programId()}/hand-over` });
    expect(handed).toMatchObject({ totalFen: 77_666_667, allocationApproval: null });
  });

  it('8. intake splits every award 1:1 between the city and the project\'s district (第二十条), to the fen', async () => {
    h.setClock('2023-05-22T10:00:00+08:00');
    await setBudget(api, cityFinance, programId(), 'city', 100_000_000, 'weihai-budget-city');
    await setBudget(api, huancuiFinance, programId(), 'district:371002', 50_000_000, 'weihai-budget-huancui');
    await setBudget(api, wendengFinance, programId(), 'district:371003', 50_000_000, 'weihai-budget-wendeng');
    intake = await takeIn(api, cityFinance, programId(), 'weihai-intake');
    const byItem = Object.fromEntries(intake.awards.map((a) => [a.achievementId, a.shares.map((s) => [s.payer, s.amountFen])]));
    expect(byItem).toEqual({
      // 41,000,001 / 2: the odd fen goes to the payer the text names first (the city).
      a1: [
        ['city', 20_500_001],
        ['district:371002', 20_500_000],
      ],
      a2: [
        ['city', 8_833_333],
        ['district:371002', 8_833_333],
      ],
      b1: [
        ['city', 4_500_000],
        ['district:371003', 4_500_000],
      ],
      b2: [
        ['city', 5_000_000],
        ['district:371003', 5_000_000],
      ],
    });
    for (const award of intake.awards) expect(award.shares.reduce((sum, s) => sum + s.amountFen, 0)).toBe(award.decidedFen);
    expect(intake.committedByPayer).toEqual({ city: 38_833_334, 'district:371002': 29_333_333, 'district:371003': 9_500_000 });
  });

  it('9. each payer approves its own shares only', async () => {
    expect((await sharesOf(api, huancuiFinance, programId())).map((s) => s.payer)).toEqual(['district:371002', 'district:371002']);
    await api.call(huancuiFinance, 403, { method: 'post', path: `/finance/programs/${programId()}/approvals`, body: { payer: 'city', all: true }, headers: { 'Idempotency-Key': 'weihai-approve-foreign' } });
    expect((await approveAll(api, cityFinance, programId(), 'city', 'weihai-approve-city')).approvedFen).toBe(38_833_334);
    expect((await approveAll(api, huancuiFinance, programId(), 'district:371002', 'weihai-approve-huancui')).approvedFen).toBe(29_333_333);
    expect((await approveAll(api, wendengFinance, programId(), 'district:371003', 'weihai-approve-wendeng')).approvedFen).toBe(9_500_000);
  });

  it('10. each payer pays through the worker and the bank confirms: every share paid, each award whole', async () => {
    h.setClock('2023-05-25T10:00:00+08:00');
    await setPayeeAccount(api, applicantA, orgA.organization.id, { accountName: orgA.organization.name, bankName: '威海市商业银行环翠支行', accountNo: '817010301421012345' });
    await setPayeeAccount(api, applicantB, orgB.organization.id, { accountName: orgB.organization.name, bankName: '中国农业银行文登支行', accountNo: '15610101040012345' });
    for (const [session, payer, totalFen] of [
      [cityFinance, 'city', 38_833_334],
      [huancuiFinance, 'district:371002', 29_333_333],
      [wendengFinance, 'district:371003', 9_500_000],
    ] as const) {
      const { released, paid } = await payThroughWorker(h, api, session, programId(), payer, { release: `weihai-release-${payer}`, confirm: `weihai-confirm-${payer}` }, `WH-${payer}-20230525`);
      expect(released.totalFen).toBe(totalFen);
      expect(paid.status).toBe('confirmed');
    }
    const paidPerAward = await h.rows<{ achievement_id: string; paid: string }>(
      `select a.achievement_id, sum(i.amount_fen)::text as paid from finance_installments i join finance_shares s on s.id = i.share_id join finance_awards a on a.id = s.award_id
        where i.status = 'paid' group by a.achievement_id order by a.achievement_id`,
    );
    expect(paidPerAward).toEqual([
      { achievement_id: 'a1', paid: '41000001' },
      { achievement_id: 'a2', paid: '17666666' },
      { achievement_id: 'b1', paid: '9000000' },
      { achievement_id: 'b2', paid: '10000000' },
    ]);
    expect((await financeReport(api, cityFinance, programId())).totals).toMatchObject({ paidFen: 77_666_667, outstandingFen: 0 });
  });

  it('11. each application went district, city, experts, decision, publicity, finance — in that order; the audit chain is intact', async () => {
    for (const id of [appA(), appB()]) {
      expect(await stagesPassed(h, id)).toEqual(['district_review', 'formal_check', 'expert_review', 'awaiting_decision', 'decided', 'in_publicity', 'approved', 'handed_over']);
    }
    const verification = await asSuperuser(h.db, (client) => verifyAuditChain(client, TENANT));
    expect(verification.ok).toBe(true);
  });
});
