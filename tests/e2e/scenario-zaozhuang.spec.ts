import { verifyAuditChain } from '@subsidy/audit';
import { cstEndOfDay, parseCalendarDate as day, publicityEnd } from '@subsidy/calendar';
import { asSuperuser, createTenant, createUser, login, registerApprovedOrganization, RegisteredOrganization, Session } from '../support/factories';
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
  sharesOf,
  stagesPassed,
  takeIn,
} from './scenarios-support/text-steps';
import { ApplicationView, draftAndSchedule, prepareApplication, ProgramBody, submit } from './scenarios-support/workflow-steps';

/**
 * Zaozhuang, 枣庄市《标准化战略奖励办法》 (seed 002 lines 4447-4505), one yearly call run end to end through the real API
 * and worker on one manual clock, in the fourth quarter of 2022 (the text is in force 2018-12-01..2023-11-30, 第十三条):
 * - 第六条 (4489): 市标准化主管部门于每年的第四季度受理标准化项目奖励申请 -> the program's window must lie in 10-01..12-31
 *   (a September opening is refused); 申请单位应在标准化项目获得相关认定后1年内提出申请 -> an achievement older than a year
 *   at application is priced at nothing;
 * - 第五条第（一）项 (4473): fixed amounts; 主持制定国家标准 50 万元; 参与制定 = 20% of 主持制定; 修订 = 10% of 主持制定;
 *   第五条第（六）项: 4A 标准化良好行为 10 万元;
 * - 第七条 (4491): 市标准化主管部门对申请材料进行初审 (the office's formal check, the only review), 将审核结果在媒体上公示
 *   (the length is not in the text: the template's default, 7 calendar days, is the office's choice), 公示期满无异议后 …
 *   制定标准化奖励年度计划送市财政部门审定 (city finance approves the list it takes in), 按规定办理奖励手续 (payment);
 * - 第二条 (4453): 由市财政部门在年度市级财政预算中安排 -> every award is the city's alone.
 */
describe('scenario: Zaozhuang fourth-quarter call, from the text to payment', () => {
  const TENANT = 'zaozhuang';
  let h: ScenarioHarness;
  let api: ApiClient;
  let officer: Session;
  let finance: Session;
  let orgA: RegisteredOrganization;
  let orgB: RegisteredOrganization;
  let applicantA: Session;
  let applicantB: Session;
  let template: ProgramTemplateView;
  let scheduledId: string | undefined;
  let submittedA: string | undefined;
  let submittedB: string | undefined;
  let openedPublicity: string | undefined;
  const programId = (): string => fromStep(scheduledId, 'step 2 (schedule the call)');
  const appA = (): string => fromStep(submittedA, 'step 4 (A applies)');
  const appB = (): string => fromStep(submittedB, 'step 4 (B applies)');
  const publicityId = (): string => fromStep(openedPublicity, 'step 7 (publicity)');

  const choices = (opensAt: string, closesAt: string) => ({
    year: 2022,
    title: '2022年度枣庄市标准化战略奖励',
    opensAt,
    closesAt,
    call: {
      title: '关于受理2022年度标准化项目奖励申请的通知',
      body: '市标准化主管部门于第四季度受理标准化项目奖励申请；申请单位应在标准化项目获得相关认定后1年内提出申请（第六条）。',
      materials: { standard: ['标准化奖励申请表', '标准文本及发布公告'], good_conduct: ['标准化良好行为企业证书'] },
      receivingOffice: '枣庄市市场监督管理局',
    },
    budget: { totalFen: 300_000_000, rule: 'pro_rata' as const, sources: [{ source: 'city', amountFen: 300_000_000 }] },
  });

  beforeAll(async () => {
    h = await ScenarioHarness.start(new Date('2022-09-01T10:00:00+08:00'));
    api = new ApiClient(h.app);
    await createTenant(h.db, {
      id: TENANT,
      nameZh: '枣庄市',
      divisionCode: '370400',
      districts: [
        { code: '370402', nameZh: '市中区' },
        { code: '370481', nameZh: '滕州市' },
      ],
    });
    officer = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'program_officer' }));
    finance = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'finance_officer', financeLevel: 'city' }));
    await h.startWorker();
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('1. the template carries the text: a batch call in the fourth quarter (第六条), the office\'s check (第七条), publicity left open', async () => {
    template = await readTemplate(api, officer, 'zaozhuang-2018');
    expect(template.policy).toMatchObject({ id: 'zaozhuang-2018', effectiveFrom: '2018-12-01', effectiveTo: '2023-11-30' });
    expect(template.window).toMatchObject({ kind: 'batch', allowedKinds: ['batch'], months: { from: '10-01', to: '12-31' } });
    expect(template.citations.map((c) => [c.path, c.article])).toEqual(
      expect.arrayContaining([
        ['window.kind', '第六条'],
        ['window', '第六条'],
        ['review.stages.formal_check', '第七条'],
      ]),
    );
    expect(template.review.stages).toEqual({ formal_check: true, district_review: false, technical_review: false, expert_review: false });
    expect(template.defaults.map((d) => d.path)).toContain('review.publicity');
  });

  it('2. a call opening in September is refused (第六条 第四季度); one from 10 October to 30 December is scheduled', async () => {
    const september = programBodyFrom(template, choices('2022-09-15T09:00:00+08:00', '2022-12-30T17:00:00+08:00'));
    const refused = await api.call<{ code: string; details: Array<{ path: string; message: string }> }>(officer, 422, { method: 'post', path: '/programs', body: september });
    expect(refused.body.code).toBe('contradicts_policy');
    expect(refused.body.details).toEqual([{ path: 'window.opensAt', message: expect.stringContaining('第六条') }]);
    // Past the quarter, and past the validity of the text, alike refused.
    const january = programBodyFrom(template, choices('2022-10-10T09:00:00+08:00', '2023-01-06T17:00:00+08:00'));
    const late = await api.call<{ details: Array<{ path: string }> }>(officer, 422, { method: 'post', path: '/programs', body: january });
    expect(late.body.details.map((d) => d.path)).toEqual(['window.closesAt']);

    const body: ProgramBody = programBodyFrom(template, choices('2022-10-10T09:00:00+08:00', '2022-12-30T17:00:00+08:00'));
    const program = await draftAndSchedule(api, officer, body);
    expect(program.status).toBe('scheduled');
    scheduledId = program.id;
  });

  it('3. the worker opens the call on 10 October, not before', async () => {
    h.setClock('2022-10-10T08:59:00+08:00');
    await h.letWorkerCatchUp(TENANT);
    expect(await h.statusOf('programs', programId())).toBe('scheduled');
    h.setClock('2022-10-10T09:00:30+08:00');
    await waitFor('the call to open', async () => (await h.statusOf('programs', programId())) === 'open');
  });

  it('4. two enterprises register, are approved, claim what 第五条 rewards and submit; an achievement over a year old earns nothing (第六条)', async () => {
    h.setClock('2022-10-20T10:00:00+08:00');
    orgA = await registerApprovedOrganization(h.app, h.db, { tenantId: TENANT, districtCode: '370402', name: '枣庄市中精工机械有限公司' }, officer);
    orgB = await registerApprovedOrganization(h.app, h.db, { tenantId: TENANT, districtCode: '370481', name: '滕州鲁南新材料股份有限公司' }, officer);
    applicantA = await login(h.app, orgA.applicant);
    applicantB = await login(h.app, orgB.applicant);

    const a = await prepareApplication(api, applicantA, programId(), {
      achievements: [
        { id: 'a1', type: 'standard', level: 'national', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'GB/T 41801-2022', title: '矿山机械 液压支架 通用技术条件', publishedOn: '2022-03-15' },
        { id: 'a2', type: 'standard', level: 'provincial_local', action: 'revise', role: 'lead', draftingRank: 1, standardNo: 'DB37/T 3101-2022', publishedOn: '2022-06-01' },
        { id: 'a3', type: 'standard', level: 'group', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'T/ZZJX 003-2021', publishedOn: '2021-09-15' },
      ],
      evidence: { a1: '标准文本及发布公告', a2: '标准文本及发布公告', a3: '标准文本及发布公告' },
    });
    // 第五条第（一）项: 主持制定国家标准 50 万元; 主持修订省地方标准 = 10% × 10 万元 = 1 万元; 第六条: T/ZZJX 003-2021 was
    // published 2021-09-15, more than a year before the application of 2022-10-20, so it earns nothing.
    expect(a.estimate.items.map((i) => [i.achievementId, i.outcome, i.amountFen, i.basis, i.article])).toEqual([
      ['a1', 'awarded', 50_000_000, 'fixed', '第五条第（一）项'],
      ['a2', 'awarded', 1_000_000, 'fixed', '第五条第（一）项'],
      ['a3', 'rejected', 0, 'fixed', '第五条第（一）项'],
    ]);
    const stale = (a.estimate.items as unknown as Array<{ achievementId: string; reasons: string[]; trace: Array<{ rule: string; article: string }> }>).find((i) => i.achievementId === 'a3')!;
    expect(stale.reasons).toEqual(['outside_period']);
    expect(stale.trace.map((t) => [t.rule, t.article])).toContainEqual(['period', '第六条']);
    expect(a.estimate.totalFen).toBe(51_000_000);

    const b = await prepareApplication(api, applicantB, programId(), {
      achievements: [
        { id: 'b1', type: 'standard', level: 'national', action: 'formulate', role: 'participate', draftingRank: 2, standardNo: 'GB/T 41802-2022', publishedOn: '2022-05-20' },
        { id: 'b2', type: 'good_conduct', grade: '4A', certifiedOn: '2022-08-08' },
      ],
      evidence: { b1: '标准文本及发布公告', b2: '标准化良好行为企业证书' },
    });
    // 第五条第（一）项: 参与制定国家标准 = 20% × 50 万元 = 10 万元; 第五条第（六）项: 4A 10 万元.
    expect(b.estimate.items.map((i) => [i.achievementId, i.amountFen, i.basis, i.article])).toEqual([
      ['b1', 10_000_000, 'fixed', '第五条第（一）项'],
      ['b2', 10_000_000, 'fixed', '第五条第（六）项'],
    ]);

    const submittedAView = await submit(api, applicantA, a.applicationId, 'zz-submit-a');
    const submittedBView = await submit(api, applicantB, b.applicationId, 'zz-submit-b');
    // 第七条: the office's 初审 is the first and only review stage.
    expect([submittedAView.status, submittedBView.status]).toEqual(['formal_check', 'formal_check']);
    submittedA = a.applicationId;
    submittedB = b.applicationId;
  });

  it("5. the office's 初审 (第七条) passes both; the worker closes the call on 30 December; late applicants are turned away", async () => {
    h.setClock('2022-11-07T10:00:00+08:00');
    for (const id of [appA(), appB()]) {
      const checked = await api.expect<ApplicationView>(officer, 200, { method: 'post', path: `/applications/${id}/formal-check`, body: { outcome: 'complete' } });
      expect(checked.status).toBe('awaiting_decision');
    }
    h.setClock('2022-12-30T17:00:01+08:00');
    await waitFor('the call to close', async () => (await h.statusOf('programs', programId())) === 'closed');
    h.setClock('2023-01-03T09:00:00+08:00');
    const late = await registerApprovedOrganization(h.app, h.db, { tenantId: TENANT, districtCode: '370402' }, officer);
    const refused = await api.call<{ code: string }>(await login(h.app, late.applicant), 409, { method: 'post', path: `/programs/${programId()}/applications` });
    expect(refused.body.code).toBe('window_closed');
  });

  it('6. the office decides the fixed amounts exactly (a fixed award is its amount or nothing) and decides the program', async () => {
    h.setClock('2023-01-04T10:00:00+08:00');
    const below = await api.call<{ details: Array<{ path: string }> }>(officer, 400, {
      method: 'put',
      path: `/applications/${appA()}/decision`,
      body: { items: [{ achievementId: 'a1', amountFen: 45_000_000 }, { achievementId: 'a2', amountFen: 1_000_000 }, { achievementId: 'a3', amountFen: 0 }] },
    });
    expect(below.body.details.map((d) => d.path)).toContain('items[0].amountFen');
    const decidedA = await api.expect<{ decidedTotalFen: number; items: Array<{ achievementId: string; decidedFen: number; article: string | null }> }>(officer, 200, {
      method: 'put',
      path: `/applications/${appA()}/decision`,
      body: { items: [{ achievementId: 'a1', amountFen: 50_000_000 }, { achievementId: 'a2', amountFen: 1_000_000 }, { achievementId: 'a3', amountFen: 0 }] },
    });
    expect(decidedA.decidedTotalFen).toBe(51_000_000);
    const decidedB = await api.expect<{ decidedTotalFen: number }>(officer, 200, {
      method: 'put',
      path: `/applications/${appB()}/decision`,
      body: { items: [{ achievementId: 'b1', amountFen: 10_000_000 }, { achievementId: 'b2', amountFen: 10_000_000 }] },
    });
    expect(decidedB.decidedTotalFen).toBe(20_000_000);
    const program = await api.expect<{ scaled: boolean; requestedFen: number; allocatedFen: number }>(officer, 200, { method: 'post', path: `/programs/${programId()}/decide`, body: {} });
    expect(program).toMatchObject({ scaled: false, requestedFen: 71_000_000, allocatedFen: 71_000_000 });
  });

  it('7. the results are publicized (第七条 在媒体上公示) for the 7 calendar days the office chose; the worker closes it after its last day', async () => {
    h.setClock('2023-01-09T09:00:00+08:00');
    const opened = await api.expect<{ id: string; endsOn: string }>(officer, 201, { method: 'post', path: `/programs/${programId()}/publicity`, body: { startsOn: '2023-01-09' } });
    openedPublicity = opened.id;
    expect(opened.endsOn).toBe('2023-01-15');
    expect(opened.endsOn).toBe(publicityEnd(day('2023-01-09'), { days: 7, unit: 'calendar' }));
    const [job] = await h.rows<{ run_at: Date }>(`select run_at from outbox where job_name = 'publicity.close' and payload->>'publicityId' = $1`, [publicityId()]);
    expect(job.run_at).toEqual(cstEndOfDay(day('2023-01-15')));
    h.setClock('2023-01-15T21:00:00+08:00');
    await h.letWorkerCatchUp(TENANT);
    expect(await h.statusOf('publicities', publicityId())).toBe('open');
    h.setClock('2023-01-16T00:00:05+08:00');
    await waitFor('the publicity to close', async () => (await h.statusOf('publicities', publicityId())) === 'closed');
    await waitFor('the program to be publicized', async () => (await h.statusOf('programs', programId())) === 'publicized');
  });

  it('8. 公示期满无异议: the office hands the annual plan to city finance; the text requires no higher approval', async () => {
    h.setClock('2023-01-17T10:00:00+08:00');
    const notRequired = await api.call<{ code: string }>(officer, 409, {
      method: 'post',
      path: `/programs/${programId()}/allocation-approval`,
      body: { documentNo: '枣政字〔2023〕1号', approvedOn: '2023-01-17', approvedTotalFen: 71_000_000 },
    });
    expect(notRequired.body.code).toBe('allocation_approval_not_required');
    const handed = await api.expect<{ totalFen: number; applicationIds: string[]; allocationApproval: unknown }>(officer, 200, { method: 'post', path: `/programs/${programId()}/hand-over` });
    expect(handed).toMatchObject({ totalFen: 71_000_000, allocationApproval: null });
    expect([...handed.applicationIds].sort()).toEqual([appA(), appB()].sort());
  });

  it('9. city finance takes the plan in (第二条: the city pays every award) and 审定 it (第七条): every share is the city\'s', async () => {
    h.setClock('2023-01-18T10:00:00+08:00');
    await setBudget(api, finance, programId(), 'city', 300_000_000, 'zz-budget-city');
    const intake = await takeIn(api, finance, programId(), 'zz-intake');
    expect(intake.totalFen).toBe(71_000_000);
    expect(intake.committedByPayer).toEqual({ city: 71_000_000 });
    // 第五条: 一次性奖励, one lump sum per award; the rejected a3 is no award at all.
    expect(intake.awards.map((a) => [a.achievementId, a.decidedFen, a.article, a.shares.map((s) => [s.payer, s.amountFen, s.installments.length])]).sort()).toEqual([
      ['a1', 50_000_000, '第五条第（一）项', [['city', 50_000_000, 1]]],
      ['a2', 1_000_000, '第五条第（一）项', [['city', 1_000_000, 1]]],
      ['b1', 10_000_000, '第五条第（一）项', [['city', 10_000_000, 1]]],
      ['b2', 10_000_000, '第五条第（六）项', [['city', 10_000_000, 1]]],
    ]);
    const approval = await approveAll(api, finance, programId(), 'city', 'zz-approve-city');
    expect(approval.approvedFen).toBe(71_000_000);
    expect((await sharesOf(api, finance, programId())).every((s) => s.status === 'approved')).toBe(true);
  });

  it('10. the awardees give their accounts; the worker instructs the batch; the bank confirms; the ledger shows everything paid', async () => {
    h.setClock('2023-01-19T10:00:00+08:00');
    await setPayeeAccount(api, applicantA, orgA.organization.id, { accountName: orgA.organization.name, bankName: '中国工商银行枣庄市中支行', accountNo: '1605001109200123456' });
    await setPayeeAccount(api, applicantB, orgB.organization.id, { accountName: orgB.organization.name, bankName: '中国农业银行滕州支行', accountNo: '15440101040012345' });
    const { released, paid } = await payThroughWorker(h, api, finance, programId(), 'city', { release: 'zz-release', confirm: 'zz-confirm' }, 'ZZCZ-20230119-001');
    expect(released.totalFen).toBe(71_000_000);
    expect(released.lines.map((l) => [l.payeeName, l.amountFen]).sort()).toEqual(
      [
        [orgA.organization.name, 1_000_000],
        [orgA.organization.name, 50_000_000],
        [orgB.organization.name, 10_000_000],
        [orgB.organization.name, 10_000_000],
      ].sort(),
    );
    expect(paid.status).toBe('confirmed');
    expect(paid.lines.every((l) => l.status === 'paid')).toBe(true);
    const report = await financeReport(api, finance, programId());
    expect(report.totals).toMatchObject({ committedFen: 71_000_000, approvedFen: 71_000_000, paidFen: 71_000_000, outstandingFen: 0 });
  });

  it('11. each application passed the stages in the order of 第七条, and the audit chain is intact', async () => {
    for (const id of [appA(), appB()]) {
      expect(await stagesPassed(h, id)).toEqual(['formal_check', 'awaiting_decision', 'decided', 'in_publicity', 'approved', 'handed_over']);
    }
    const verification = await asSuperuser(h.db, (client) => verifyAuditChain(client, TENANT));
    expect(verification.ok).toBe(true);
  });
});
