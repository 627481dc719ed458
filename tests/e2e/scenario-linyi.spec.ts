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
 * Linyi, 临沂市《标准化创新激励办法》 (seed 002 lines 3929-4014), the 2024 call run end to end through the real API and worker
 * on one manual clock (the text is in force 2019-11-15..2024-11-14, 第十六条):
 * - 第九条 (3995): 每年第一季度集中受理 (and 第十一条第（二）项: 超过规定期限的, 不予受理) -> a call in the first quarter only;
 *   其他单位的申请材料由所在地的县区市场监管部门进行初审 … 报市市场监督管理部门 -> each county pre-reviews its own applicants;
 * - 第十条 (3997): 聘请相关专家组成专家组, 对申请材料进行评审 … 形成评审结论 -> an expert panel after the counties;
 * - 第十二条 (4006): 市市场监督管理部门根据审核情况和专家组评审结论, 确定 … 名单和创新激励方案, 财政部门按本《办法》规定兑现资金
 *   -> the office decides within the panel's figures; no higher approval; the text has no 公示 (the product publicizes
 *   every list: the office chose the template's 7 calendar days);
 * - 第六条第（一）项 (3973): every amount a ceiling (不高于); 第四条 (3959): standards published in the previous year;
 * - 第六条 last paragraph (3989): 激励资金给予企业的, 按照现行财政收入分享比例由市与县区分级承担; 给予事业单位和社会组织的, …
 *   县区级单位由所在县区财政负担 -> the enterprise's award is split city:county by the ratio city finance records for its
 *   county (not in the text, digest A-LY-1), to the fen; the county-level institution's award is its county's alone.
 *   Each payer approves and pays its own share.
 */
describe("scenario: Linyi first-quarter call, county pre-review, expert panel and the revenue-sharing split, to payment", () => {
  const TENANT = 'linyi';
  let h: ScenarioHarness;
  let api: ApiClient;
  let officer: Session;
  let lanshanReviewer: Session;
  let luozhuangReviewer: Session;
  let cityFinance: Session;
  let lanshanFinance: Session;
  let luozhuangFinance: Session;
  let experts: Array<{ user: UserFixture; session: Session }>;
  let enterprise: RegisteredOrganization;
  let institution: RegisteredOrganization;
  let applicantA: Session;
  let applicantB: Session;
  let template: ProgramTemplateView;
  let intake: IntakeView;
  let scheduledId: string | undefined;
  let submittedA: string | undefined;
  let submittedB: string | undefined;
  let openedPublicity: string | undefined;
  const programId = (): string => fromStep(scheduledId, 'step 1 (schedule the call)');
  const appA = (): string => fromStep(submittedA, 'step 2 (apply)');
  const appB = (): string => fromStep(submittedB, 'step 2 (apply)');
  const publicityId = (): string => fromStep(openedPublicity, 'step 6 (publicity)');

  const choices = (opensAt: string, closesAt: string) => ({
    year: 2024,
    title: '2024年度临沂市标准化创新激励',
    opensAt,
    closesAt,
    call: {
      title: '关于组织申报2024年度临沂市标准化创新激励项目的通知',
      body: '市市场监督管理部门第一季度集中受理；申请材料由所在地县区市场监管部门初审后报市市场监督管理部门（第九条）。',
      materials: { standard: ['标准化创新激励申请书', '标准文本及发布公告'] },
      receivingOffice: '所在地县区市场监督管理部门',
    },
    budget: {
      totalFen: 300_000_000,
      rule: 'pro_rata' as const,
      sources: [
        { source: 'city', amountFen: 100_000_000 },
        { source: 'district:371302', amountFen: 100_000_000 },
        { source: 'district:371311', amountFen: 100_000_000 },
      ],
    },
  });

  beforeAll(async () => {
    h = await ScenarioHarness.start(new Date('2023-12-11T10:00:00+08:00'));
    api = new ApiClient(h.app);
    await createTenant(h.db, {
      id: TENANT,
      nameZh: '临沂市',
      divisionCode: '371300',
      districts: [
        { code: '371302', nameZh: '兰山区' },
        { code: '371311', nameZh: '罗庄区' },
      ],
    });
    officer = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'program_officer' }));
    lanshanReviewer = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'district_reviewer', districtCode: '371302', displayName: '兰山区市场监督管理局' }));
    luozhuangReviewer = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'district_reviewer', districtCode: '371311', displayName: '罗庄区市场监督管理局' }));
    cityFinance = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'finance_officer', financeLevel: 'city' }));
    lanshanFinance = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'finance_officer', financeLevel: 'district', districtCode: '371302' }));
    luozhuangFinance = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'finance_officer', financeLevel: 'district', districtCode: '371311' }));
    experts = [];
    for (let i = 0; i < 3; i++) {
      const user = await createUser(h.db, { tenantId: TENANT, role: 'expert', displayName: `标准化专家${i + 1}` });
      experts.push({ user, session: await login(h.app, user) });
    }
    await h.startWorker();
  }, 90_000);

  afterAll(async () => {
    await h?.close();
  });

  it('1. the template: a first-quarter call (第九条, 第十一条), county pre-review then experts (第九条、第十条); an April call is refused', async () => {
    template = await readTemplate(api, officer, 'linyi-2019');
    expect(template.window).toMatchObject({ kind: 'batch', allowedKinds: ['batch'], months: { from: '01-01', to: '03-31' } });
    expect(template.review.stages).toMatchObject({ district_review: true, expert_review: true });
    expect(template.citations.map((c) => [c.path, c.article])).toEqual(
      expect.arrayContaining([
        ['window', '第十一条第（二）项'],
        ['review.stages.district_review', '第九条、第十条'],
        ['review.stages.expert_review', '第九条、第十条'],
      ]),
    );
    const april = await api.call<{ details: Array<{ path: string; message: string }> }>(officer, 422, {
      method: 'post',
      path: '/programs',
      body: programBodyFrom(template, choices('2024-04-01T09:00:00+08:00', '2024-04-30T17:00:00+08:00')),
    });
    expect(april.body.details.map((d) => d.path)).toEqual(['window.opensAt', 'window.closesAt']);
    // 第九条 has the counties check the materials and the city receive them already checked: no city formal check first.
    const body = programBodyFrom(template, choices('2024-01-02T09:00:00+08:00', '2024-03-29T17:00:00+08:00'));
    body.review = { ...body.review, stages: { ...body.review.stages, formal_check: false } };
    const program = await draftAndSchedule(api, officer, body);
    scheduledId = program.id;
    h.setClock('2024-01-02T09:00:30+08:00');
    await waitFor('the call to open', async () => (await h.statusOf('programs', programId())) === 'open');
  });

  it('2. an enterprise of 兰山区 and a county-level institution of 罗庄区 apply for 2023 standards they led (第四条, 第六条第（一）项 ceilings)', async () => {
    h.setClock('2024-01-15T10:00:00+08:00');
    enterprise = await registerApprovedOrganization(h.app, h.db, { tenantId: TENANT, districtCode: '371302', name: '临沂兰山鲁南机械制造有限公司' }, lanshanReviewer);
    institution = await registerApprovedOrganization(
      h.app,
      h.db,
      { tenantId: TENANT, districtCode: '371311', kind: 'institution', uscc: makeUscc({ type: '2', authority: '1', division: '371311' }), name: '罗庄区建筑材料质量检验中心' },
      luozhuangReviewer,
    );
    applicantA = await login(h.app, enterprise.applicant);
    applicantB = await login(h.app, institution.applicant);
    const a = await prepareApplication(api, applicantA, programId(), {
      achievements: [{ id: 'a1', type: 'standard', level: 'national', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'GB/T 43310-2023', title: '工程机械 液压挖掘机 能效测试方法', publishedOn: '2023-06-01' }],
      evidence: { a1: '标准文本及发布公告' },
    });
    expect(a.estimate.items.map((i) => [i.amountFen, i.basis, i.article])).toEqual([[50_000_000, 'ceiling', '第六条第（一）项']]);
    const b = await prepareApplication(api, applicantB, programId(), {
      achievements: [{ id: 'b1', type: 'standard', level: 'industry', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'JC/T 2790-2023', publishedOn: '2023-09-01' }],
      evidence: { b1: '标准文本及发布公告' },
    });
    expect(b.estimate.items.map((i) => [i.amountFen, i.basis, i.article])).toEqual([[30_000_000, 'ceiling', '第六条第（一）项']]);
    const [sa, sb] = [await submit(api, applicantA, a.applicationId, 'linyi-submit-a'), await submit(api, applicantB, b.applicationId, 'linyi-submit-b')];
    // 第九条: the county's pre-review comes first.
    expect([sa.status, sb.status]).toEqual(['district_review', 'district_review']);
    submittedA = a.applicationId;
    submittedB = b.applicationId;
  });

  it("3. each county pre-reviews its own applicant only and forwards it to the city (第九条)", async () => {
    h.setClock('2024-01-25T10:00:00+08:00');
    const foreign = await api.call<{ code: string }>(luozhuangReviewer, 403, { method: 'post', path: `/applications/${appA()}/district-review`, body: { outcome: 'forward' } });
    expect(foreign.status).toBe(403);
    const forwardedA = await api.expect<ApplicationView>(lanshanReviewer, 200, { method: 'post', path: `/applications/${appA()}/district-review`, body: { outcome: 'forward', reasons: ['材料真实完整，第一起草单位'] } });
    const forwardedB = await api.expect<ApplicationView>(luozhuangReviewer, 200, { method: 'post', path: `/applications/${appB()}/district-review`, body: { outcome: 'forward' } });
    // 第十条: then the experts.
    expect([forwardedA.status, forwardedB.status]).toEqual(['expert_review', 'expert_review']);
  });

  it('4. the expert panel (第十条) scores both; the combined proposals are the mean, floored to the fen', async () => {
    h.setClock('2024-02-19T09:30:00+08:00');
    for (const expert of experts) {
      await api.expect(officer, 200, { method: 'put', path: `/experts/${expert.user.id}/profile`, body: { field: '标准化', affiliatedUsccs: [makeUscc({ division: '370100' })], active: true } });
    }
    const sheets: Record<string, Array<[Record<string, number>, number]>> = {
      a1: [
        [{ technical_level: 3600, benefit: 3500, materials: 1800 }, 45_000_000],
        [{ technical_level: 3200, benefit: 3000, materials: 1700 }, 40_000_000],
        [{ technical_level: 3400, benefit: 3300, materials: 1900 }, 42_000_000],
      ],
      b1: [
        [{ technical_level: 3000, benefit: 3100, materials: 1600 }, 28_000_000],
        [{ technical_level: 3500, benefit: 3400, materials: 1800 }, 30_000_000],
        [{ technical_level: 2800, benefit: 2700, materials: 1500 }, 25_000_000],
      ],
    };
    for (const [applicationId, achievementId] of [
      [appA(), 'a1'],
      [appB(), 'b1'],
    ] as const) {
      const panel = await api.expect<{ members: Array<{ expertId: string }> }>(officer, 201, { method: 'post', path: `/applications/${applicationId}/panel` });
      expect(panel.members.map((m) => m.expertId).sort()).toEqual(experts.map((e) => e.user.id).sort());
      for (const [index, expert] of experts.entries()) {
        const [scores, amount] = sheets[achievementId][index];
        await api.expect(expert.session, 200, { method: 'post', path: `/applications/${applicationId}/expert-declaration`, body: { noConflict: true } });
        await api.expect(expert.session, 200, { method: 'put', path: `/applications/${applicationId}/panel/score`, body: { scores, amounts: { [achievementId]: amount }, comment: '标准水平先进，符合第五条' } });
      }
    }
    h.setClock('2024-02-26T10:00:00+08:00');
    const a = await api.expect<{ status: string; items: Array<{ achievementId: string; amountFen: number }> }>(officer, 200, { method: 'post', path: `/applications/${appA()}/expert-review/complete` });
    const b = await api.expect<{ status: string; items: Array<{ achievementId: string; amountFen: number }> }>(officer, 200, { method: 'post', path: `/applications/${appB()}/expert-review/complete` });
    // (45 + 40 + 42) 万 / 3 = 42,333,333.33 fen -> 42,333,333; (28 + 30 + 25) 万 / 3 = 27,666,666.67 -> 27,666,666.
    expect([a.status, b.status]).toEqual(['awaiting_decision', 'awaiting_decision']);
    expect(a.items).toEqual([expect.objectContaining({ achievementId: 'a1', amountFen: 42_333_333 })]);
    expect(b.items).toEqual([expect.objectContaining({ achievementId: 'b1', amountFen: 27_666_666 })]);
  });

  it('5. after the first quarter the office decides within the ceilings on the panel\'s conclusion (第十二条)', async () => {
    h.setClock('2024-03-29T17:00:01+08:00');
    await waitFor('the call to close', async () => (await h.statusOf('programs', programId())) === 'closed');
    h.setClock('2024-04-02T10:00:00+08:00');
    const above = await api.call<{ details: Array<{ path: string }> }>(officer, 400, { method: 'put', path: `/applications/${appB()}/decision`, body: { items: [{ achievementId: 'b1', amountFen: 30_000_001 }] } });
    expect(above.body.details.map((d) => d.path)).toEqual(['items[0].amountFen']);
    const decidedA = await api.expect<{ decidedTotalFen: number; items: Array<{ proposedFen: number; decidedFen: number; article: string | null }> }>(officer, 200, {
      method: 'put',
      path: `/applications/${appA()}/decision`,
      body: { items: [{ achievementId: 'a1', amountFen: 42_333_333 }] },
    });
    expect(decidedA.items).toEqual([expect.objectContaining({ proposedFen: 42_333_333, decidedFen: 42_333_333, article: '第六条第（一）项' })]);
    await api.expect(officer, 200, { method: 'put', path: `/applications/${appB()}/decision`, body: { items: [{ achievementId: 'b1', amountFen: 27_666_666 }] } });
    const program = await api.expect<{ scaled: boolean; allocatedFen: number }>(officer, 200, { method: 'post', path: `/programs/${programId()}/decide`, body: {} });
    expect(program).toMatchObject({ scaled: false, allocatedFen: 69_999_999 });
  });

  it('6. the list is publicized for the 7 calendar days the office chose (the text has no 公示), then handed over without a higher approval', async () => {
    h.setClock('2024-04-08T09:00:00+08:00');
    const opened = await api.expect<{ id: string; endsOn: string }>(officer, 201, { method: 'post', path: `/programs/${programId()}/publicity`, body: { startsOn: '2024-04-08' } });
    openedPublicity = opened.id;
    expect(opened.endsOn).toBe(publicityEnd(day('2024-04-08'), { days: 7, unit: 'calendar' }));
    h.setClock('2024-04-15T00:00:05+08:00');
    await waitFor('the publicity to close', async () => (await h.statusOf('publicities', publicityId())) === 'closed');
    await waitFor('the program to be publicized', async () => (await h.statusOf('programs', programId())) === 'publicized');
    h.setClock('2024-04-16T10:00:00+08:00');
    const handed = await api.expect<{ totalFen: number; allocationApproval: unknown }>(officer, 200, { method: 'post', path: `/programs/${programId()}/hand-over` });
    expect(handed).toMatchObject({ totalFen: 69_999_999, allocationApproval: null });
  });

  it("7. intake waits for 兰山区's revenue-sharing ratio (第六条: 按照现行财政收入分享比例, not in the text); city finance records it", async () => {
    h.setClock('2024-04-17T10:00:00+08:00');
    await setBudget(api, cityFinance, programId(), 'city', 100_000_000, 'linyi-budget-city');
    await setBudget(api, lanshanFinance, programId(), 'district:371302', 100_000_000, 'linyi-budget-lanshan');
    await setBudget(api, luozhuangFinance, programId(), 'district:371311', 100_000_000, 'linyi-budget-luozhuang');
    const missing = await api.call<{ code: string; details: Array<{ path: string }> }>(cityFinance, 409, {
      method: 'post',
      path: `/finance/programs/${programId()}/intake`,
      headers: { 'Idempotency-Key': 'linyi-intake-early' },
    });
    expect(missing.body.code).toBe('revenue_sharing_missing');
    expect(missing.body.details.map((d) => d.path)).toEqual(['revenueSharing.371302']);
    await api.expect(lanshanFinance, 403, { method: 'put', path: '/finance/revenue-sharing/371302', body: { cityParts: 1, districtParts: 9, basis: '区级自定' } });
    const ratio = await api.expect<{ cityParts: number; districtParts: number }>(cityFinance, 200, {
      method: 'put',
      path: '/finance/revenue-sharing/371302',
      body: { cityParts: 40, districtParts: 60, basis: '临沂市财政体制：市与兰山区财政收入分享比例 4:6' },
    });
    expect(ratio).toMatchObject({ cityParts: 40, districtParts: 60 });
  });

  it('8. intake splits the enterprise award 40:60 to the fen and leaves the institution to 罗庄区 (第六条); the shares add up exactly', async () => {
    intake = await takeIn(api, cityFinance, programId(), 'linyi-intake');
    const ofA = intake.awards.find((a) => a.applicationId === appA())!;
    const ofB = intake.awards.find((a) => a.applicationId === appB())!;
    // 42,333,333 × 40% = 16,933,333.2, × 60% = 25,399,999.8: the remaining fen goes to the larger remainder (the county).
    expect(ofA.shares.map((s) => [s.payer, s.amountFen])).toEqual([
      ['city', 16_933_333],
      ['district:371302', 25_400_000],
    ]);
    expect(ofB.shares.map((s) => [s.payer, s.amountFen])).toEqual([['district:371311', 27_666_666]]);
    for (const award of intake.awards) expect(award.shares.reduce((sum, s) => sum + s.amountFen, 0)).toBe(award.decidedFen);
    expect(intake.committedByPayer).toEqual({ city: 16_933_333, 'district:371302': 25_400_000, 'district:371311': 27_666_666 });
  });

  it('9. each payer sees and approves only its own shares', async () => {
    expect((await sharesOf(api, lanshanFinance, programId())).map((s) => [s.payer, s.amountFen])).toEqual([['district:371302', 25_400_000]]);
    await api.call(luozhuangFinance, 403, { method: 'post', path: `/finance/programs/${programId()}/approvals`, body: { payer: 'district:371302', all: true }, headers: { 'Idempotency-Key': 'linyi-approve-foreign' } });
    expect((await approveAll(api, cityFinance, programId(), 'city', 'linyi-approve-city')).approvedFen).toBe(16_933_333);
    expect((await approveAll(api, lanshanFinance, programId(), 'district:371302', 'linyi-approve-lanshan')).approvedFen).toBe(25_400_000);
    expect((await approveAll(api, luozhuangFinance, programId(), 'district:371311', 'linyi-approve-luozhuang')).approvedFen).toBe(27_666_666);
  });

  it('10. each payer pays its share through the worker; the bank confirms; every payer is paid in full', async () => {
    h.setClock('2024-04-22T10:00:00+08:00');
    await setPayeeAccount(api, applicantA, enterprise.organization.id, { accountName: enterprise.organization.name, bankName: '临商银行兰山支行', accountNo: '8101012345678901' });
    await setPayeeAccount(api, applicantB, institution.organization.id, { accountName: institution.organization.name, bankName: '中国工商银行罗庄支行', accountNo: '1610012345678901234' });
    for (const [session, payer, amountFen, payee] of [
      [cityFinance, 'city', 16_933_333, enterprise.organization.name],
      [lanshanFinance, 'district:371302', 25_400_000, enterprise.organization.name],
      [luozhuangFinance, 'district:371311', 27_666_666, institution.organization.name],
    ] as const) {
      const { released, paid } = await payThroughWorker(h, api, session, programId(), payer, { release: `linyi-release-${payer}`, confirm: `linyi-confirm-${payer}` }, `LY-${payer}-20240422`);
      expect(released.lines.map((l) => [l.payeeName, l.amountFen])).toEqual([[payee, amountFen]]);
      expect(paid.status).toBe('confirmed');
    }
    const report = await financeReport(api, cityFinance, programId());
    expect(report.payers.map((p) => [p.payer, p.paidFen, p.outstandingFen]).sort()).toEqual([
      ['city', 16_933_333, 0],
      ['district:371302', 25_400_000, 0],
      ['district:371311', 27_666_666, 0],
    ]);
    expect(report.totals.paidFen).toBe(69_999_999);
  });

  it('11. each application went county first, then experts (第九条、第十条), then the decision; the audit chain is intact', async () => {
    for (const id of [appA(), appB()]) {
      expect(await stagesPassed(h, id)).toEqual(['district_review', 'expert_review', 'awaiting_decision', 'decided', 'in_publicity', 'approved', 'handed_over']);
    }
    const verification = await asSuperuser(h.db, (client) => verifyAuditChain(client, TENANT));
    expect(verification.ok).toBe(true);
  });
});
