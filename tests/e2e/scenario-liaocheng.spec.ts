import { verifyAuditChain } from '@subsidy/audit';
import { cstDateOf, cstEndOfDay, parseCalendarDate as day, publicityEnd } from '@subsidy/calendar';
import { asSuperuser, createTenant, createUser, login, registerApprovedOrganization, RegisteredOrganization, Session } from '../support/factories';
import { ApiClient, pdfBytes } from './scenarios-support/api-client';
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

/**
 * Liaocheng, 《聊城市质量发展和专利奖励办法》 (seed 002 lines 3849-3927), the 2022 call run end to end through the real API and
 * worker on one manual clock (the text is in force 2021-08-01..2026-07-31, 第九条):
 * - 第六条第（二）项 (3909): 各奖项的申报截止时间为每年度的 9 月 30 日 -> a program closing after 30 September is refused;
 *   the worker closes the call at 17:00 on 30 September and a draft not submitted by then cannot be;
 * - 第六条第（六）项 (3917): 专利奖励资金的申报程序由市市场监管部门按照有关规定另行办理 -> this call takes no patent item;
 * - 第六条第（三）项 (3911): the receiving department checks the application (formal check, the only review);
 * - 第六条第（四）项 (3913): 拟获奖名单并公示 7 个工作日 (working days, across a weekend), 公示后无异议的, 报市质量强市
 *   工作领导小组批准后公布确认, 并予以奖励 -> hand-over only after the leading group's approval is recorded;
 * - 第四条第（十）项 (3879): 主持制定国家标准 80 万元, 参与 = 20% of 主持; 第四条第（三）项 好品山东 20 万元; 第四条第（五）项
 *   首次获得质量管理体系认证 3000 元 (all fixed, 一次性奖励);
 * - 第九条 (3927): 对2020年9月1日以后获得的奖项具有溯及力 -> an earlier standard earns nothing;
 * - 第二条 (3855) / 第六条第（五）项 (3915): the money is the city's (市级财政预算), paid out through the counties.
 */
describe('scenario: Liaocheng call with the 30 September deadline, from the text to payment', () => {
  const TENANT = 'liaocheng';
  let h: ScenarioHarness;
  let api: ApiClient;
  let officer: Session;
  let finance: Session;
  let orgA: RegisteredOrganization;
  let orgB: RegisteredOrganization;
  let orgC: RegisteredOrganization;
  let applicantA: Session;
  let applicantB: Session;
  let template: ProgramTemplateView;
  let scheduledId: string | undefined;
  let submittedA: string | undefined;
  let submittedB: string | undefined;
  let draftC: string | undefined;
  let openedPublicity: string | undefined;
  const programId = (): string => fromStep(scheduledId, 'step 2 (schedule the call)');
  const appA = (): string => fromStep(submittedA, 'step 3 (A applies)');
  const appB = (): string => fromStep(submittedB, 'step 4 (B applies)');
  const publicityId = (): string => fromStep(openedPublicity, 'step 7 (publicity)');

  const choices = (closesAt: string, publicity?: { days: number; unit: 'calendar' | 'working' }) => ({
    year: 2022,
    title: '2022年度聊城市质量发展奖励资金',
    opensAt: '2022-07-01T09:00:00+08:00',
    closesAt,
    call: {
      title: '关于申报2022年度聊城市质量发展奖励资金的通知',
      body: '各奖项的申报截止时间为2022年9月30日（第六条第（二）项）；专利奖励资金另行办理（第六条第（六）项）。',
      materials: { standard: ['聊城市质量发展奖励资金申请表', '标准文本及发布公告'], recognition: ['聊城市质量发展奖励资金申请表', '批准文件或证书'] },
      receivingOffice: '聊城市市场监督管理局（按部门职能分工受理）',
    },
    budget: { totalFen: 200_000_000, rule: 'pro_rata' as const, sources: [{ source: 'city', amountFen: 200_000_000 }] },
    ...(publicity ? { review: { publicity } } : {}),
  });

  beforeAll(async () => {
    h = await ScenarioHarness.start(new Date('2022-06-15T10:00:00+08:00'));
    api = new ApiClient(h.app);
    await createTenant(h.db, {
      id: TENANT,
      nameZh: '聊城市',
      divisionCode: '371500',
      districts: [
        { code: '371502', nameZh: '东昌府区' },
        { code: '371581', nameZh: '临清市' },
      ],
    });
    officer = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'program_officer' }));
    finance = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'finance_officer', financeLevel: 'city' }));
    await h.startWorker();
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('1. the template carries the text: one yearly call until 30 September, the department\'s check, 7 working days of publicity, the leading group\'s approval', async () => {
    template = await readTemplate(api, officer, 'liaocheng-2021');
    expect(template.window).toMatchObject({ kind: 'batch', allowedKinds: ['batch'], months: { to: '09-30' } });
    expect(template.review).toMatchObject({ stages: { formal_check: true, district_review: false, technical_review: false, expert_review: false }, publicity: { days: 7, unit: 'working' } });
    expect(template.citations.map((c) => [c.path, c.article])).toEqual(
      expect.arrayContaining([
        ['window.kind', '第六条'],
        ['window', '第六条第（二）项'],
        ['review.stages.formal_check', '第六条'],
        ['review.publicity', '第六条'],
      ]),
    );
  });

  it('2. a call closing after 30 September, or publicized for 7 calendar days, is refused (第六条); the call to 30 September is scheduled', async () => {
    const late = await api.call<{ code: string; details: Array<{ path: string; message: string }> }>(officer, 422, {
      method: 'post',
      path: '/programs',
      body: programBodyFrom(template, choices('2022-10-14T17:00:00+08:00')),
    });
    expect(late.body.details).toEqual([{ path: 'window.closesAt', message: expect.stringContaining('第六条第（二）项') }]);
    const calendar = await api.call<{ details: Array<{ path: string; message: string }> }>(officer, 422, {
      method: 'post',
      path: '/programs',
      body: programBodyFrom(template, choices('2022-09-30T17:00:00+08:00', { days: 7, unit: 'calendar' })),
    });
    expect(calendar.body.details).toEqual([{ path: 'review.publicity', message: expect.stringContaining('第六条') }]);
    const program = await draftAndSchedule(api, officer, programBodyFrom(template, choices('2022-09-30T17:00:00+08:00')));
    scheduledId = program.id;
    h.setClock('2022-07-01T09:00:30+08:00');
    await waitFor('the call to open', async () => (await h.statusOf('programs', programId())) === 'open');
  });

  it('3. A claims a national standard it led (80 万元), its first QMS certificate (3000 元) and a 2020 standard older than 第九条 reaches back', async () => {
    h.setClock('2022-08-10T10:00:00+08:00');
    orgA = await registerApprovedOrganization(h.app, h.db, { tenantId: TENANT, districtCode: '371502', name: '聊城东昌精密轴承有限公司' }, officer);
    applicantA = await login(h.app, orgA.applicant);
    const a = await prepareApplication(api, applicantA, programId(), {
      achievements: [
        { id: 'a1', type: 'standard', level: 'national', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'GB/T 41905-2022', title: '滚动轴承 精密角接触球轴承', publishedOn: '2022-03-15' },
        { id: 'a2', type: 'recognition', code: 'qms_certification_first', obtainedOn: '2022-05-10' },
        { id: 'a3', type: 'standard', level: 'provincial_local', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'DB37/T 3950-2020', publishedOn: '2020-07-01' },
      ],
      evidence: { a1: '标准文本及发布公告', a2: '批准文件或证书', a3: '标准文本及发布公告' },
    });
    const items = a.estimate.items as unknown as Array<{ achievementId: string; outcome: string; amountFen: number; basis: string | null; article: string | null; reasons: string[] }>;
    expect(items.map((i) => [i.achievementId, i.outcome, i.amountFen, i.basis, i.article])).toEqual([
      ['a1', 'awarded', 80_000_000, 'fixed', '第四条第（十）项'],
      ['a2', 'awarded', 300_000, 'fixed', '第四条第（五）项'],
      ['a3', 'rejected', 0, 'fixed', '第四条第（十）项'],
    ]);
    expect(items[2].reasons).toEqual(['outside_period']);
    expect(a.estimate.totalFen).toBe(80_300_000);
    expect((await submit(api, applicantA, a.applicationId, 'liaocheng-submit-a')).status).toBe('formal_check');
    submittedA = a.applicationId;
  });

  it('4. B may not claim a patent award in this call (第六条第（六）项 另行办理); it claims a participation and 好品山东 instead', async () => {
    h.setClock('2022-09-20T10:00:00+08:00');
    orgB = await registerApprovedOrganization(h.app, h.db, { tenantId: TENANT, districtCode: '371581', name: '临清市鲁西纺织机械有限公司' }, officer);
    applicantB = await login(h.app, orgB.applicant);
    const created = await api.expect<ApplicationView>(applicantB, 201, { method: 'post', path: `/programs/${programId()}/applications` });
    const patent = await api.call<{ code: string; details: Array<{ path: string; message: string }> }>(applicantB, 422, {
      method: 'put',
      path: `/applications/${created.id}/achievements`,
      body: {
        achievements: [
          { id: 'b1', type: 'standard', level: 'national', action: 'formulate', role: 'participate', draftingRank: 3, standardNo: 'GB/T 41906-2022', publishedOn: '2022-04-08' },
          { id: 'b2', type: 'recognition', code: 'patent_award', level: 'national', grade: 'gold', subject: 'ZL201910123456.7', obtainedOn: '2022-07-20' },
        ],
      },
    });
    expect(patent.body.code).toBe('not_accepted_by_call');
    expect(patent.body.details.map((d) => d.path)).toEqual(['achievements[1]']);
    expect(patent.body.details[0].message).toContain('第六条');

    await api.expect(applicantB, 200, {
      method: 'put',
      path: `/applications/${created.id}/achievements`,
      body: {
        achievements: [
          { id: 'b1', type: 'standard', level: 'national', action: 'formulate', role: 'participate', draftingRank: 3, standardNo: 'GB/T 41906-2022', publishedOn: '2022-04-08' },
          { id: 'b2', type: 'recognition', code: 'haopin_shandong', subject: '鲁西牌剑杆织机', obtainedOn: '2022-04-01' },
        ],
      },
    });
    // The upload and declaration steps of prepareApplication, on the application B already started.
    for (const [achievementId, material] of [
      ['b1', '标准文本及发布公告'],
      ['b2', '批准文件或证书'],
    ]) {
      await api.expect(applicantB, 201, {
        method: 'post',
        path: `/applications/${created.id}/evidence`,
        file: { bytes: pdfBytes(`${material} ${achievementId}`), name: `${material}.pdf`, contentType: 'application/pdf', fields: { achievementId, material } },
      });
    }
    // The call lists the application form for both types: one form for the whole application (no achievement named).
    await api.expect(applicantB, 201, {
      method: 'post',
      path: `/applications/${created.id}/evidence`,
      file: { bytes: pdfBytes('聊城市质量发展奖励资金申请表'), name: '聊城市质量发展奖励资金申请表.pdf', contentType: 'application/pdf', fields: { material: '聊城市质量发展奖励资金申请表' } },
    });
    const estimate = await api.expect<{ items: Array<{ achievementId: string; amountFen: number; basis: string; article: string }> }>(applicantB, 200, { method: 'get', path: `/applications/${created.id}/estimate` });
    // 第四条第（十）项: 参与 = 20% × 80 万元 = 16 万元; 第四条第（三）项: 好品山东 20 万元.
    expect(estimate.items.map((i) => [i.achievementId, i.amountFen, i.basis, i.article])).toEqual([
      ['b1', 16_000_000, 'fixed', '第四条第（十）项'],
      ['b2', 20_000_000, 'fixed', '第四条第（三）项'],
    ]);
    await api.expect(applicantB, 200, { method: 'post', path: `/applications/${created.id}/declaration`, body: { accepted: true, statement: '本单位承诺所提交的申报材料真实、完整、有效。' } });
    expect((await submit(api, applicantB, created.id, 'liaocheng-submit-b')).status).toBe('formal_check');
    submittedB = created.id;
  });

  it('5. the deadline: a draft not submitted by 17:00 on 30 September cannot be, once the worker has closed the call', async () => {
    h.setClock('2022-09-29T15:00:00+08:00');
    orgC = await registerApprovedOrganization(h.app, h.db, { tenantId: TENANT, districtCode: '371502' }, officer);
    const applicantC = await login(h.app, orgC.applicant);
    const drafted = await prepareApplication(api, applicantC, programId(), {
      achievements: [{ id: 'c1', type: 'recognition', code: 'qms_certification_first', obtainedOn: '2022-09-01' }],
      evidence: { c1: '批准文件或证书' },
    });
    draftC = drafted.applicationId;
    h.setClock('2022-09-30T17:00:01+08:00');
    await waitFor('the call to close', async () => (await h.statusOf('programs', programId())) === 'closed');
    h.setClock('2022-10-08T09:00:00+08:00');
    const late = await api.call<{ code: string }>(applicantC, 409, { method: 'post', path: `/applications/${fromStep(draftC, 'step 5')}/submit`, headers: { 'Idempotency-Key': 'liaocheng-submit-c' } });
    expect(late.body.code).toBe('window_closed');
    expect(await h.statusOf('applications', drafted.applicationId)).toBe('draft');
  });

  it("6. the departments' check passes A and B; the office decides the fixed amounts and the program", async () => {
    h.setClock('2022-10-10T10:00:00+08:00');
    for (const id of [appA(), appB()]) {
      expect((await api.expect<ApplicationView>(officer, 200, { method: 'post', path: `/applications/${id}/formal-check`, body: { outcome: 'complete' } })).status).toBe('awaiting_decision');
    }
    await api.expect(officer, 200, {
      method: 'put',
      path: `/applications/${appA()}/decision`,
      body: { items: [{ achievementId: 'a1', amountFen: 80_000_000 }, { achievementId: 'a2', amountFen: 300_000 }, { achievementId: 'a3', amountFen: 0 }] },
    });
    await api.expect(officer, 200, { method: 'put', path: `/applications/${appB()}/decision`, body: { items: [{ achievementId: 'b1', amountFen: 16_000_000 }, { achievementId: 'b2', amountFen: 20_000_000 }] } });
    const program = await api.expect<{ scaled: boolean; allocatedFen: number }>(officer, 200, { method: 'post', path: `/programs/${programId()}/decide`, body: {} });
    expect(program).toMatchObject({ scaled: false, allocatedFen: 116_300_000 });
  });

  it('7. 公示 7 个工作日 from Wednesday 12 October ends Thursday 20 October (calendar days would end on the 18th); the worker closes it after that day', async () => {
    h.setClock('2022-10-12T09:00:00+08:00');
    const opened = await api.expect<{ id: string; endsOn: string }>(officer, 201, { method: 'post', path: `/programs/${programId()}/publicity`, body: { startsOn: '2022-10-12' } });
    openedPublicity = opened.id;
    // 10-12 1, 10-13 2, 10-14 3, (weekend), 10-17 4, 10-18 5, 10-19 6, 10-20 7.
    expect(opened.endsOn).toBe('2022-10-20');
    expect(opened.endsOn).toBe(publicityEnd(day('2022-10-12'), { days: 7, unit: 'working' }));
    const [job] = await h.rows<{ run_at: Date }>(`select run_at from outbox where job_name = 'publicity.close' and payload->>'publicityId' = $1`, [publicityId()]);
    expect(job.run_at).toEqual(cstEndOfDay(day('2022-10-20')));
    h.setClock('2022-10-19T12:00:00+08:00');
    await h.letWorkerCatchUp(TENANT);
    expect(await h.statusOf('publicities', publicityId())).toBe('open');
    h.setClock('2022-10-21T00:00:05+08:00');
    await waitFor('the publicity to close', async () => (await h.statusOf('publicities', publicityId())) === 'closed');
    await waitFor('the program to be publicized', async () => (await h.statusOf('programs', programId())) === 'publicized');
  });

  it("8. no hand-over before the leading group's approval (第六条第（四）项); once recorded, the hand-over carries it", async () => {
    h.setClock('2022-10-24T10:00:00+08:00');
    const early = await api.call<{ code: string; message: string }>(officer, 409, { method: 'post', path: `/programs/${programId()}/hand-over` });
    expect(early.body.code).toBe('allocation_approval_required');
    expect(early.body.message).toContain('聊城市质量强市工作领导小组');
    const approvedOn = cstDateOf(h.clock.now());
    await api.expect(officer, 201, {
      method: 'post',
      path: `/programs/${programId()}/allocation-approval`,
      body: { documentNo: '聊质强组发〔2022〕3号', approvedOn, approvedTotalFen: 116_300_000 },
    });
    const handed = await api.expect<{ totalFen: number; allocationApproval: unknown }>(officer, 200, { method: 'post', path: `/programs/${programId()}/hand-over` });
    expect(handed.totalFen).toBe(116_300_000);
    expect(handed.allocationApproval).toMatchObject({ approvedBy: '聊城市质量强市工作领导小组', documentNo: '聊质强组发〔2022〕3号', approvedOn: '2022-10-24', article: '第六条' });
  });

  it('9. city finance takes the approved list in under that approval: every award is the city\'s (第二条), one lump sum', async () => {
    h.setClock('2022-10-25T10:00:00+08:00');
    await setBudget(api, finance, programId(), 'city', 200_000_000, 'liaocheng-budget');
    const intake = await takeIn(api, finance, programId(), 'liaocheng-intake');
    expect(intake.allocationApproval).toMatchObject({ approvedBy: '聊城市质量强市工作领导小组', documentNo: '聊质强组发〔2022〕3号' });
    expect(intake.committedByPayer).toEqual({ city: 116_300_000 });
    expect(intake.awards.map((a) => [a.achievementId, a.decidedFen, a.shares.map((s) => [s.payer, s.amountFen, s.installments.map((i) => i.condition)])]).sort()).toEqual([
      ['a1', 80_000_000, [['city', 80_000_000, ['start']]]],
      ['a2', 300_000, [['city', 300_000, ['start']]]],
      ['b1', 16_000_000, [['city', 16_000_000, ['start']]]],
      ['b2', 20_000_000, [['city', 20_000_000, ['start']]]],
    ]);
    expect((await approveAll(api, finance, programId(), 'city', 'liaocheng-approve')).approvedFen).toBe(116_300_000);
  });

  it('10. the worker instructs the payment batch and the bank confirms it: everything approved is paid', async () => {
    h.setClock('2022-10-27T10:00:00+08:00');
    await setPayeeAccount(api, applicantA, orgA.organization.id, { accountName: orgA.organization.name, bankName: '聊城农村商业银行东昌府支行', accountNo: '9010000012345678901' });
    await setPayeeAccount(api, applicantB, orgB.organization.id, { accountName: orgB.organization.name, bankName: '中国银行临清支行', accountNo: '233012345678' });
    const { released, paid } = await payThroughWorker(h, api, finance, programId(), 'city', { release: 'liaocheng-release', confirm: 'liaocheng-confirm' }, 'LCCZ-20221027-01');
    expect(released.totalFen).toBe(116_300_000);
    expect(paid.lines.map((l) => [l.payeeName, l.amountFen, l.status]).sort()).toEqual(
      [
        [orgA.organization.name, 80_000_000, 'paid'],
        [orgA.organization.name, 300_000, 'paid'],
        [orgB.organization.name, 16_000_000, 'paid'],
        [orgB.organization.name, 20_000_000, 'paid'],
      ].sort(),
    );
    expect((await financeReport(api, finance, programId())).totals).toMatchObject({ paidFen: 116_300_000, outstandingFen: 0 });
  });

  it('11. the order of stages follows 第六条, and the audit chain is intact', async () => {
    for (const id of [appA(), appB()]) {
      expect(await stagesPassed(h, id)).toEqual(['formal_check', 'awaiting_decision', 'decided', 'in_publicity', 'approved', 'handed_over']);
    }
    const approvalAt = await h.rows<{ seq: string }>(`select seq::text from audit_log where action = 'program.allocation-approved'`);
    const handOverAt = await h.rows<{ seq: string }>(`select seq::text from audit_log where action = 'program.handed-over'`);
    const publicityClosedAt = await h.rows<{ seq: string }>(`select seq::text from audit_log where action = 'publicity.closed'`);
    expect(BigInt(publicityClosedAt[0].seq) < BigInt(approvalAt[0].seq) && BigInt(approvalAt[0].seq) < BigInt(handOverAt[0].seq)).toBe(true);
    const verification = await asSuperuser(h.db, (client) => verifyAuditChain(client, TENANT));
    expect(verification.ok).toBe(true);
  });
});
