import { verifyAuditChain } from '@subsidy/audit';
import { addWorkingDays, cstEndOfDay, parseCalendarDate as day } from '@subsidy/calendar';
import { asSuperuser, createOrganization, createTenant, createUser, login, makeUscc, OrganizationFixture, Session } from '../support/factories';
import { ApiClient } from './scenarios-support/api-client';
import { fromStep, ScenarioHarness, waitFor } from './scenarios-support/scenario-harness';
import { ApplicationView, draftAndSchedule, prepareApplication, ProgramBody, submit } from './scenarios-support/workflow-steps';

/**
 * Guangzhou Huangpu / GDD, 《广州开发区质量强区专项资金管理办法》 (seed 002 lines 4094-4186), through the real API and worker:
 * - 第十二条 (line 4170): the policy-cashing window checks form; 形式审核未通过或需要补正申请材料的，于5个工作日内通知申请人
 *   -> formalCheckWorkingDays 5; after it the district market regulator reviews the substance (technical review);
 * - 第十二条 (line 4172): 国际质量…标准化活动资助和国际标准化高端人才引进和培育资助、国际质量比对提升示范资助采取一事一议方式，
 *   全年受理 -> a rolling program open all of 2021 whose applications are decided one by one while it is open;
 * - the correction period is not in the text: the office configures it (correctionWorkingDays 5); not corrected by then,
 *   the application lapses (逾期不申请视同自动放弃 is the text's rule for late filing; the lapse applies it to corrections).
 * Dates: policy in force 2020-01-01..2022-12-31 (第十四条); the program year is 2021, and the deadlines cross the 2021
 * Labour Day holiday (05-01..05 off, Sat 05-08 a make-up working day) and the Dragon Boat holiday (06-12..14).
 */
describe('scenario: Guangzhou Huangpu rolling program, formal check within 5 working days, correction lapse', () => {
  const TENANT = 'guangzhou-huangpu';
  let h: ScenarioHarness;
  let api: ApiClient;
  let officer: Session;
  let regulator: Session;
  let applicantA: Session;
  let applicantB: Session;
  let applicantC: Session;
  let orgs: OrganizationFixture[];
  let scheduledId: string | undefined;
  let submittedA: string | undefined;
  let submittedB: string | undefined;
  const programId = (): string => fromStep(scheduledId, 'step 1 (schedule the program)');
  const appA = (): string => fromStep(submittedA, 'step 2 (A applies)');
  const appB = (): string => fromStep(submittedB, 'step 5 (B applies)');

  const programBody = (): ProgramBody => ({
    year: 2021,
    title: '2021年度广州开发区质量强区专项资金（一事一议，全年受理）',
    policyId: 'guangzhou-huangpu-2020',
    window: { kind: 'rolling', opensAt: '2021-01-04T09:00:00+08:00', closesAt: '2021-12-31T17:00:00+08:00' },
    call: {
      title: '关于全年受理质量强区专项资金一事一议项目的通知',
      body: '国际质量、检验检测认证、标准化活动资助和国际标准化高端人才引进和培育资助、国际质量比对提升示范资助采取一事一议方式，全年受理（第十二条）。',
      materials: { recognition: ['专项资金申请表', '认定或批准文件', '经费支出凭证'] },
      receivingOffice: '区政务服务中心政策兑现窗口',
    },
    review: {
      stages: { formal_check: true, district_review: false, technical_review: true, expert_review: false },
      formalCheckWorkingDays: 5,
      correctionWorkingDays: 5,
      panel: null,
      // The text requires publicity (第十三条) without a length (digest 1.2); the office's own setting.
      publicity: { days: 5, unit: 'working' },
      cityReviewedKinds: [],
    },
    budget: { totalFen: 1_000_000_000, rule: 'pro_rata', sources: [{ source: 'district:440112', amountFen: 1_000_000_000 }] },
  });

  beforeAll(async () => {
    h = await ScenarioHarness.start(new Date('2020-12-21T10:00:00+08:00'));
    api = new ApiClient(h.app);
    await createTenant(h.db, { id: TENANT, nameZh: '广州市黄埔区', divisionCode: '440112', districts: [{ code: '440112', nameZh: '黄埔区' }] });
    orgs = [];
    for (const name of ['广州黄埔标准化服务有限公司', '广州开发区质量检测技术有限公司', '广州科学城认证服务有限公司']) {
      orgs.push(await createOrganization(h.db, { tenantId: TENANT, districtCode: '440112', uscc: makeUscc({ division: '440112' }), name }));
    }
    officer = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'program_officer' }));
    regulator = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'technical_reviewer', displayName: '区市场监管局' }));
    applicantA = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'applicant', organizationId: orgs[0].id }));
    applicantB = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'applicant', organizationId: orgs[1].id }));
    applicantC = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'applicant', organizationId: orgs[2].id }));
    await h.startWorker();
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('1. the office schedules a rolling program for 2021; the worker opens it on 4 January', async () => {
    const program = await draftAndSchedule(api, officer, programBody());
    scheduledId = program.id;
    h.setClock('2021-01-04T09:00:30+08:00');
    await waitFor('the program to open', async () => (await h.statusOf('programs', programId())) === 'open');
  });

  it('2. A files a case-by-case item before Labour Day; its formal check is due 5 working days out, on 10 May', async () => {
    h.setClock('2021-04-29T10:00:00+08:00');
    const drafted = await prepareApplication(api, applicantA, programId(), {
      achievements: [{ id: 's1', type: 'recognition', code: 'intl_standardization_expert_studio', obtainedOn: '2021-03-15' }],
      evidence: { s1: '认定或批准文件' },
    });
    // 第十条第（六）项: 给予最高 100 万元专家工作室开办经费资助.
    expect(drafted.estimate.items.map((i) => [i.amountFen, i.basis, i.article])).toEqual([[100_000_000, 'ceiling', '第十条第（六）项']]);
    const submission = await submit(api, applicantA, drafted.applicationId, 'hp-submit-a-1');
    expect(submission.status).toBe('formal_check');
    // 4-30 = 1, (05-01..05 off), 5-6 = 2, 5-7 = 3, Sat 5-8 (make-up day) = 4, 5-10 = 5.
    expect(submission.stageDueOn).toBe('2021-05-10');
    expect(submission.stageDueOn).toBe(addWorkingDays(day('2021-04-29'), 5));
    submittedA = drafted.applicationId;
    const [job] = await h.rows<{ run_at: Date }>(`select run_at from outbox where job_name = 'application.formal-check-deadline' and payload->>'applicationId' = $1`, [appA()]);
    expect(job.run_at).toEqual(cstEndOfDay(day('2021-05-10')));
    const told = await api.expect<{ items: Array<{ kind: string; body: string }> }>(officer, 200, { method: 'get', path: '/notifications' });
    expect(told.items.find((n) => n.kind === 'application.awaiting-review')?.body).toContain('2021-05-10');
  });

  it('3. the office answers within the deadline (on the make-up Saturday); the deadline passes without an overdue record', async () => {
    h.setClock('2021-05-08T10:00:00+08:00');
    const checked = await api.expect<ApplicationView>(officer, 200, { method: 'post', path: `/applications/${appA()}/formal-check`, body: { outcome: 'complete' } });
    expect(checked.status).toBe('technical_review');

    h.setClock('2021-05-11T00:00:05+08:00');
    await waitFor('the formal-check deadline job to run', async () =>
      (await h.rows(`select 1 from outbox where job_name = 'application.formal-check-deadline' and payload->>'applicationId' = $1 and completed_at is not null`, [appA()])).length === 1,
    );
    expect(await h.rows(`select 1 from audit_log where entity_id = $1 and action = 'application.formal-check-overdue'`, [appA()])).toEqual([]);
  });

  it('4. the district regulator reviews the substance; the office decides A on its own while the program stays open', async () => {
    h.setClock('2021-05-14T10:00:00+08:00');
    const opinion = await api.expect<{ amountFen: number; ceilingFen: number }>(regulator, 200, {
      method: 'put',
      path: `/applications/${appA()}/technical-opinions/s1`,
      body: { opinion: 'reduce', amountFen: 60_000_000, comment: '按核定的开办经费支出核减至 60 万元' },
    });
    expect(opinion).toMatchObject({ amountFen: 60_000_000, ceilingFen: 100_000_000 });
    const reviewed = await api.expect<ApplicationView>(regulator, 200, { method: 'post', path: `/applications/${appA()}/technical-review/complete` });
    expect(reviewed.status).toBe('awaiting_decision');

    h.setClock('2021-05-20T10:00:00+08:00');
    const decided = await api.expect<{ status: string; decidedTotalFen: number; items: Array<{ proposedFen: number; article: string | null }> }>(officer, 200, {
      method: 'put',
      path: `/applications/${appA()}/decision`,
      body: { items: [{ achievementId: 's1', amountFen: 60_000_000 }] },
    });
    expect(decided).toMatchObject({ status: 'decided', decidedTotalFen: 60_000_000 });
    expect(decided.items).toEqual([expect.objectContaining({ proposedFen: 60_000_000, article: '第十条第（六）项' })]);
    expect(await h.statusOf('programs', programId())).toBe('open');
  });

  it('5. B files in June; the office returns it for correction, due 5 working days later across the Dragon Boat holiday', async () => {
    h.setClock('2021-06-07T10:00:00+08:00');
    const drafted = await prepareApplication(api, applicantB, programId(), {
      achievements: [{ id: 'q1', type: 'recognition', code: 'intl_quality_comparison_demo', obtainedOn: '2021-05-20', costsIncurredFen: 100_000_000 }],
      evidence: { q1: '认定或批准文件' },
    });
    // 第九条第（一）项: 按项目建设经费的 50% 且最高不超过 200 万元 -> 50% of 100 万元.
    expect(drafted.estimate.totalFen).toBe(50_000_000);
    const submission = await submit(api, applicantB, drafted.applicationId, 'hp-submit-b-1');
    expect(submission.stageDueOn).toBe('2021-06-15');
    submittedB = drafted.applicationId;

    h.setClock('2021-06-10T16:00:00+08:00');
    const returned = await api.expect<ApplicationView>(officer, 200, {
      method: 'post',
      path: `/applications/${appB()}/formal-check`,
      body: { outcome: 'correction', missing: [{ achievementId: 'q1', material: '经费支出凭证', note: '缺少项目建设经费的审计报告' }] },
    });
    // 6-11 = 1, (06-12..14 off), 6-15 = 2, 6-16 = 3, 6-17 = 4, 6-18 = 5.
    expect(returned).toMatchObject({ status: 'correction_requested', stageDueOn: '2021-06-18' });
    const told = await api.expect<{ items: Array<{ kind: string; subject: string }> }>(applicantB, 200, { method: 'get', path: '/notifications' });
    expect(told.items.find((n) => n.kind === 'application.returned-for-correction')?.subject).toContain('2021-06-18');
  });

  it('6. B does not correct by 18 June: the worker lapses it after the deadline day, not before', async () => {
    h.setClock('2021-06-18T21:00:00+08:00');
    await h.letWorkerCatchUp(TENANT);
    expect(await h.statusOf('applications', appB())).toBe('correction_requested');

    h.setClock('2021-06-19T00:00:05+08:00');
    await waitFor('B to lapse', async () => (await h.statusOf('applications', appB())) === 'lapsed');
    const late = await api.call<{ code: string }>(applicantB, 409, { method: 'post', path: `/applications/${appB()}/submit`, headers: { 'Idempotency-Key': 'hp-submit-b-2' } });
    expect(late.body.code).toBe('invalid_state');
    const told = await api.expect<{ items: Array<{ kind: string }> }>(applicantB, 200, { method: 'get', path: '/notifications' });
    expect(told.items.map((n) => n.kind)).toContain('application.lapsed');
    const lapsed = await h.rows<{ actor_kind: string; reason: string }>(`select actor_kind, reason from audit_log where entity_id = $1 and action = 'application.lapsed'`, [appB()]);
    expect(lapsed).toEqual([{ actor_kind: 'system', reason: 'correction not made by 2021-06-18' }]);
  });

  it('7. the program still accepts case-by-case items in November; A stays decided; the audit chain is intact', async () => {
    h.setClock('2021-11-15T10:00:00+08:00');
    const late = await api.expect<ApplicationView>(applicantC, 201, { method: 'post', path: `/programs/${programId()}/applications` });
    expect(late.status).toBe('draft');
    expect(await h.statusOf('applications', appA())).toBe('decided');
    expect(await h.statusOf('programs', programId())).toBe('open');
    const verification = await asSuperuser(h.db, (client) => verifyAuditChain(client, TENANT));
    expect(verification.ok).toBe(true);
  });
});
