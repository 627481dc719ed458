import { verifyAuditChain } from '@subsidy/audit';
import { addWorkingDays, cstEndOfDay, parseCalendarDate as day, publicityEnd } from '@subsidy/calendar';
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
  stagesPassed,
  takeIn,
} from './scenarios-support/text-steps';
import { ApplicationView, draftAndSchedule, EstimateView, prepareApplication, submit } from './scenarios-support/workflow-steps';

/**
 * Zhengzhou, 郑州市《质量提升若干政策实施细则》 (seed 002 lines 4016-4092; provisions cited as 第N条), run end to end through
 * the real API and worker on one manual clock in 2024 (the text is in force from 2019-05-10, 第30条, with no end):
 * - 第12条 (4048): 承担标准技术审查、实施评价和标准化科研项目的, 安排与国家下拨项目经费的1:1配套资金贴补, 不高于20万元 ->
 *   the city's award is exactly the national funds (1:1), 123,456.78 yuan for 123,456.78 yuan, and at most 20 万元; an
 *   award below 1:1 is refused at the decision; a figure the evidence does not bear out is returned for correction;
 * - 第10条 (4044): 制(修)订且经批准发布的国家标准的主要起草单位 100 万元 (fixed);
 * - 第26条 (4084): only achievements obtained after the text took effect;
 * - the text has no call, review, deadline, publicity or approval provision at all (「六、其它事项」, 4082-4092; digest
 *   A-ZZ-7): the template's defaults (a formal check, 10 working days to correct, 7 calendar days of publicity) are the
 *   office's choices and the template lists them as such; the city pays every award (the text names no other payer).
 */
describe('scenario: Zhengzhou call with 1:1 matching of national funds, from the text to payment', () => {
  const TENANT = 'zhengzhou';
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
  const programId = (): string => fromStep(scheduledId, 'step 1 (schedule the call)');
  const appA = (): string => fromStep(submittedA, 'step 2 (A applies)');
  const appB = (): string => fromStep(submittedB, 'step 2 (B applies)');
  const publicityId = (): string => fromStep(openedPublicity, 'step 6 (publicity)');

  beforeAll(async () => {
    h = await ScenarioHarness.start(new Date('2024-05-06T10:00:00+08:00'));
    api = new ApiClient(h.app);
    await createTenant(h.db, {
      id: TENANT,
      nameZh: '郑州市',
      divisionCode: '410100',
      districts: [
        { code: '410105', nameZh: '金水区' },
        { code: '410102', nameZh: '中原区' },
      ],
    });
    officer = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'program_officer' }));
    finance = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'finance_officer', financeLevel: 'city' }));
    await h.startWorker();
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('1. the text fixes no procedure (A-ZZ-7): the template says every setting is the office\'s, which schedules a call for June and July', async () => {
    template = await readTemplate(api, officer, 'zhengzhou-2019');
    expect(template.policy).toMatchObject({ effectiveFrom: '2019-05-10', effectiveTo: null });
    expect(template.citations).toEqual([]);
    expect(template.window).toMatchObject({ kind: 'batch', allowedKinds: ['batch', 'rolling'] });
    expect(template.window.months).toBeUndefined();
    expect(template.defaults.map((d) => d.path)).toEqual(
      expect.arrayContaining(['window.kind', 'review.stages.formal_check', 'review.formalCheckWorkingDays', 'review.correctionWorkingDays', 'review.publicity']),
    );
    expect(template.review).toMatchObject({ correctionWorkingDays: 10, publicity: { days: 7, unit: 'calendar' } });
    const program = await draftAndSchedule(
      api,
      officer,
      programBodyFrom(template, {
        year: 2024,
        title: '2024年度郑州市质量提升（标准化）奖励资金',
        opensAt: '2024-06-03T09:00:00+08:00',
        closesAt: '2024-07-31T17:00:00+08:00',
        call: {
          title: '关于申报2024年度质量提升政策奖励资金的通知',
          body: '承担标准技术审查、实施评价和标准化科研项目的，按国家下拨项目经费1:1配套，不高于20万元（第12条）；须提交国家下达项目经费的文件。',
          materials: { recognition: ['国家下达项目经费文件', '项目任务书'], standard: ['标准文本及发布公告'] },
          receivingOffice: '郑州市市场监督管理局',
        },
        budget: { totalFen: 500_000_000, rule: 'pro_rata', sources: [{ source: 'city', amountFen: 500_000_000 }] },
      }),
    );
    scheduledId = program.id;
    h.setClock('2024-06-03T09:00:30+08:00');
    await waitFor('the call to open', async () => (await h.statusOf('programs', programId())) === 'open');
  });

  it('2. two enterprises claim national projects; the estimate matches the national funds 1:1 to the fen and caps it at 20 万元 (第12条)', async () => {
    h.setClock('2024-06-04T10:00:00+08:00');
    orgA = await registerApprovedOrganization(h.app, h.db, { tenantId: TENANT, districtCode: '410105', name: '郑州金水标准技术服务有限公司' }, officer);
    orgB = await registerApprovedOrganization(h.app, h.db, { tenantId: TENANT, districtCode: '410102', name: '郑州中原智能装备股份有限公司' }, officer);
    applicantA = await login(h.app, orgA.applicant);
    applicantB = await login(h.app, orgB.applicant);

    const a = await prepareApplication(api, applicantA, programId(), {
      achievements: [
        { id: 'a1', type: 'recognition', code: 'national_std_project', subject: '国家标准技术审查项目 2024-JS-017', obtainedOn: '2024-03-18', nationalFundsFen: 12_345_678 },
        { id: 'a2', type: 'standard', level: 'national', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'GB/T 43601-2024', publishedOn: '2024-01-20' },
      ],
      evidence: { a1: '国家下达项目经费文件', a2: '标准文本及发布公告' },
    });
    // 第12条: 123,456.78 yuan of national funds -> 123,456.78 yuan from the city; 第10条: 主要起草单位 national standard 100 万元.
    expect(a.estimate.items.map((i) => [i.achievementId, i.amountFen, i.basis, i.article])).toEqual([
      ['a1', 12_345_678, 'fixed', '第12条'],
      ['a2', 100_000_000, 'fixed', '第10条'],
    ]);
    const b = await prepareApplication(api, applicantB, programId(), {
      achievements: [{ id: 'b1', type: 'recognition', code: 'national_std_project', subject: '国家标准化科研项目 2023YFF0601', obtainedOn: '2023-11-02', nationalFundsFen: 35_000_000 }],
      evidence: { b1: '国家下达项目经费文件' },
    });
    // 35 万元 of national funds: 1:1 would be 35 万元, 不高于20万元 caps it.
    expect(b.estimate.items.map((i) => [i.amountFen, i.basis])).toEqual([[20_000_000, 'fixed']]);
    const trace = (b.estimate.items[0] as unknown as { trace: Array<{ article: string; amountFen: number }> }).trace;
    expect(trace.map((t) => [t.article, t.amountFen])).toContainEqual(['第12条', 20_000_000]);

    expect((await submit(api, applicantA, a.applicationId, 'zhengzhou-a-1')).status).toBe('formal_check');
    expect((await submit(api, applicantB, b.applicationId, 'zhengzhou-b-1')).status).toBe('formal_check');
    submittedA = a.applicationId;
    submittedB = b.applicationId;
  });

  it("3. the office's check finds B's national allocation was 18 万元, not 35: returned for correction within 10 working days across the Dragon Boat holiday", async () => {
    h.setClock('2024-06-05T15:00:00+08:00');
    const returned = await api.expect<ApplicationView>(officer, 200, {
      method: 'post',
      path: `/applications/${appB()}/formal-check`,
      body: { outcome: 'correction', missing: [{ achievementId: 'b1', material: '国家下达项目经费文件', note: '下达文件所列国家经费为18万元，与申报的35万元不符，请按下达文件更正' }] },
    });
    // 6-06 1, 6-07 2, (6-08/09 weekend, 6-10 端午节), 6-11 3, 6-12 4, 6-13 5, 6-14 6, 6-17 7, 6-18 8, 6-19 9, 6-20 10.
    expect(returned).toMatchObject({ status: 'correction_requested', stageDueOn: '2024-06-20' });
    expect(returned.stageDueOn).toBe(addWorkingDays(day('2024-06-05'), 10));
    const [lapse] = await h.rows<{ run_at: Date }>(`select run_at from outbox where job_name = 'application.correction-lapse' and payload->>'applicationId' = $1`, [appB()]);
    expect(lapse.run_at).toEqual(cstEndOfDay(day('2024-06-20')));

    const checkedA = await api.expect<ApplicationView>(officer, 200, { method: 'post', path: `/applications/${appA()}/formal-check`, body: { outcome: 'complete' } });
    expect(checkedA.status).toBe('awaiting_decision');
  });

  it('4. B corrects the figure before its deadline: the matching follows the national funds, 18 万元 for 18 万元', async () => {
    h.setClock('2024-06-17T10:00:00+08:00');
    await api.expect(applicantB, 200, {
      method: 'put',
      path: `/applications/${appB()}/achievements`,
      body: { achievements: [{ id: 'b1', type: 'recognition', code: 'national_std_project', subject: '国家标准化科研项目 2023YFF0601', obtainedOn: '2023-11-02', nationalFundsFen: 18_000_000 }] },
    });
    const estimate = await api.expect<EstimateView>(applicantB, 200, { method: 'get', path: `/applications/${appB()}/estimate` });
    expect(estimate.items.map((i) => [i.amountFen, i.basis, i.article])).toEqual([[18_000_000, 'fixed', '第12条']]);
    await api.expect(applicantB, 200, { method: 'post', path: `/applications/${appB()}/declaration`, body: { accepted: true, statement: '本单位承诺更正后的申报材料真实、完整、有效。' } });
    const resubmitted = await submit(api, applicantB, appB(), 'zhengzhou-b-2');
    expect(resubmitted).toMatchObject({ status: 'formal_check', estimateTotalFen: 18_000_000 });
    const checked = await api.expect<ApplicationView>(officer, 200, { method: 'post', path: `/applications/${appB()}/formal-check`, body: { outcome: 'complete' } });
    expect(checked.status).toBe('awaiting_decision');
    h.setClock('2024-06-21T00:00:05+08:00');
    await h.letWorkerCatchUp(TENANT);
    expect(await h.statusOf('applications', appB())).toBe('awaiting_decision');
  });

  it('5. after the call closes the office decides: anything but 1:1 is refused (第12条), the program is decided unscaled', async () => {
    h.setClock('2024-07-31T17:00:01+08:00');
    await waitFor('the call to close', async () => (await h.statusOf('programs', programId())) === 'closed');
    h.setClock('2024-08-05T10:00:00+08:00');
    const belowMatching = await api.call<{ details: Array<{ path: string }> }>(officer, 400, {
      method: 'put',
      path: `/applications/${appA()}/decision`,
      body: { items: [{ achievementId: 'a1', amountFen: 10_000_000 }, { achievementId: 'a2', amountFen: 100_000_000 }] },
    });
    expect(belowMatching.body.details.map((d) => d.path)).toEqual(['items[0].amountFen']);
    const decidedA = await api.expect<{ decidedTotalFen: number; items: Array<{ achievementId: string; decidedFen: number; article: string | null; basis: string }> }>(officer, 200, {
      method: 'put',
      path: `/applications/${appA()}/decision`,
      body: { items: [{ achievementId: 'a1', amountFen: 12_345_678 }, { achievementId: 'a2', amountFen: 100_000_000 }] },
    });
    expect(decidedA.decidedTotalFen).toBe(112_345_678);
    expect(decidedA.items.map((i) => [i.achievementId, i.decidedFen, i.basis, i.article])).toEqual([
      ['a1', 12_345_678, 'fixed', '第12条'],
      ['a2', 100_000_000, 'fixed', '第10条'],
    ]);
    const aboveCap = await api.call<{ details: Array<{ path: string }> }>(officer, 400, {
      method: 'put',
      path: `/applications/${appB()}/decision`,
      body: { items: [{ achievementId: 'b1', amountFen: 20_000_000 }] },
    });
    expect(aboveCap.body.details.map((d) => d.path)).toEqual(['items[0].amountFen']);
    await api.expect(officer, 200, { method: 'put', path: `/applications/${appB()}/decision`, body: { items: [{ achievementId: 'b1', amountFen: 18_000_000 }] } });
    const program = await api.expect<{ scaled: boolean; allocatedFen: number }>(officer, 200, { method: 'post', path: `/programs/${programId()}/decide`, body: {} });
    expect(program).toMatchObject({ scaled: false, allocatedFen: 130_345_678 });
  });

  it('6. the list is publicized for the 7 calendar days the office chose and closes by itself', async () => {
    h.setClock('2024-08-07T09:00:00+08:00');
    const opened = await api.expect<{ id: string; endsOn: string }>(officer, 201, { method: 'post', path: `/programs/${programId()}/publicity`, body: { startsOn: '2024-08-07' } });
    openedPublicity = opened.id;
    expect(opened.endsOn).toBe(publicityEnd(day('2024-08-07'), { days: 7, unit: 'calendar' }));
    expect(opened.endsOn).toBe('2024-08-13');
    const shown = await api.expect<{ awards: Array<{ applicationId: string; totalFen: number; items: Array<{ article: string | null; amountFen: number }> }> }>(null, 200, {
      method: 'get',
      path: `/public/tenants/${TENANT}/publicities/${publicityId()}`,
    });
    expect(shown.awards.find((a) => a.applicationId === appB())).toMatchObject({ totalFen: 18_000_000, items: [{ article: '第12条', amountFen: 18_000_000 }] });
    h.setClock('2024-08-14T00:00:05+08:00');
    await waitFor('the publicity to close', async () => (await h.statusOf('publicities', publicityId())) === 'closed');
    await waitFor('the program to be publicized', async () => (await h.statusOf('programs', programId())) === 'publicized');
  });

  it('7. hand-over, then city finance takes the list in: the matching is the city\'s money, one lump sum per award', async () => {
    h.setClock('2024-08-15T10:00:00+08:00');
    const handed = await api.expect<{ totalFen: number; allocationApproval: unknown }>(officer, 200, { method: 'post', path: `/programs/${programId()}/hand-over` });
    expect(handed).toMatchObject({ totalFen: 130_345_678, allocationApproval: null });
    await setBudget(api, finance, programId(), 'city', 500_000_000, 'zhengzhou-budget');
    const intake = await takeIn(api, finance, programId(), 'zhengzhou-intake');
    expect(intake.committedByPayer).toEqual({ city: 130_345_678 });
    expect(intake.awards.map((a) => [a.achievementId, a.article, a.shares.map((s) => [s.payer, s.amountFen])]).sort()).toEqual([
      ['a1', '第12条', [['city', 12_345_678]]],
      ['a2', '第10条', [['city', 100_000_000]]],
      ['b1', '第12条', [['city', 18_000_000]]],
    ]);
    expect((await approveAll(api, finance, programId(), 'city', 'zhengzhou-approve')).approvedFen).toBe(130_345_678);
  });

  it('8. the worker instructs the batch and the bank confirms: each awardee is paid exactly the matched amount', async () => {
    h.setClock('2024-08-19T10:00:00+08:00');
    await setPayeeAccount(api, applicantA, orgA.organization.id, { accountName: orgA.organization.name, bankName: '中国建设银行郑州金水支行', accountNo: '41050110120800001234' });
    await setPayeeAccount(api, applicantB, orgB.organization.id, { accountName: orgB.organization.name, bankName: '郑州银行中原支行', accountNo: '99010880123456789' });
    const { released, paid } = await payThroughWorker(h, api, finance, programId(), 'city', { release: 'zhengzhou-release', confirm: 'zhengzhou-confirm' }, 'ZZCZ-20240819-01');
    expect(released.lines.map((l) => [l.payeeName, l.amountFen, l.article]).sort()).toEqual(
      [
        [orgA.organization.name, 12_345_678, '第12条'],
        [orgA.organization.name, 100_000_000, '第10条'],
        [orgB.organization.name, 18_000_000, '第12条'],
      ].sort(),
    );
    expect(paid).toMatchObject({ status: 'confirmed', totalFen: 130_345_678 });
    const report = await financeReport(api, finance, programId());
    expect(report.totals).toMatchObject({ paidFen: 130_345_678, outstandingFen: 0 });
  });

  it('9. the stages came in the configured order (B through its correction), and the audit chain is intact', async () => {
    expect(await stagesPassed(h, appA())).toEqual(['formal_check', 'awaiting_decision', 'decided', 'in_publicity', 'approved', 'handed_over']);
    expect(await stagesPassed(h, appB())).toEqual(['formal_check', 'correction_requested', 'formal_check', 'awaiting_decision', 'decided', 'in_publicity', 'approved', 'handed_over']);
    const verification = await asSuperuser(h.db, (client) => verifyAuditChain(client, TENANT));
    expect(verification.ok).toBe(true);
  });
});
