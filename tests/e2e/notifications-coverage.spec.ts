import { asSuperuser, createOrganization, createOrganizationAdministrator, createProgram, createTenant, createUser, login, makeUscc, OrganizationFixture, reviewSettings, Session, UserFixture } from '../support/factories';
import { ApiClient } from './scenarios-support/api-client';
import { ScenarioHarness, waitFor } from './scenarios-support/scenario-harness';
import { SmtpSink } from './scenarios-support/smtp-sink';
import { ApplicationView, prepareApplication, submit } from './scenarios-support/workflow-steps';

interface Notice {
  kind: string;
  subject: string;
  body: string;
}

interface ApplicantView {
  status: string;
  displayStatus: string;
  decision: Array<{ achievementId: string; decidedFen: number; reason: string | null; article: string | null }> | null;
  payment: { status: string; payableFen: number; paidFen: number; clawedBackFen: number } | null;
}

interface BatchBody {
  id: string;
  lines: Array<{ lineNo: number; amountFen: number; purpose: string; status: string }>;
}

/**
 * Who hears what, from submission to payment and clawback, through the real API and the real worker on one manual
 * clock (a Tianjin program, policy tianjin-2021, written with every review stage on): the reviewers of each stage as
 * the work reaches them (and nobody of another district), the experts drawn, the officer when the publicity is over
 * and the program can be handed over, the applicant at approval, hand-over, payment, a refused bank line and a
 * clawback, an objector by e-mail and the office told to call back an objector who left only a phone number. The
 * applicant's own view shows its decided items with their reasons and a status that runs to `paid`.
 */
describe('notifications: everyone concerned hears of each step', () => {
  const TENANT = 'tianjin';
  const OBJECTOR_EMAIL = 'li.si@example.cn';
  let h: ScenarioHarness;
  let mail: SmtpSink;
  let api: ApiClient;
  let org: OrganizationFixture;
  let officerUser: UserFixture;
  let officer: Session;
  let hepingUser: UserFixture;
  let heping: Session;
  let hexiUser: UserFixture;
  let instituteUser: UserFixture;
  let institute: Session;
  let financeUser: UserFixture;
  let finance: Session;
  let applicantUser: UserFixture;
  let applicant: Session;
  const experts: Array<UserFixture & { session: Session }> = [];
  let programId: string;
  let applicationId: string;
  let publicityId: string;
  let keyNo = 0;
  const key = () => `notify-coverage-${++keyNo}`;

  /** What a user sees under GET /notifications (an applicant: also its organization's), newest first. */
  const noticesOf = async (session: Session): Promise<Notice[]> =>
    (await api.expect<{ items: Notice[] }>(session, 200, { method: 'get', path: '/notifications?limit=100' })).items;
  const kindsOf = async (session: Session): Promise<string[]> => (await noticesOf(session)).map((n) => n.kind);
  /** The users (by id) told of `kind` about an entity, sorted. */
  const toldOf = async (kind: string, entityId: string): Promise<string[]> =>
    (await h.rows<{ user_id: string }>(`select user_id from notifications where kind = $1 and entity_id = $2 and user_id is not null order by user_id`, [kind, entityId])).map(
      (r) => r.user_id,
    );
  const applicantView = () => api.expect<ApplicantView>(applicant, 200, { method: 'get', path: `/applications/${applicationId}` });

  beforeAll(async () => {
    mail = await SmtpSink.start();
    h = await ScenarioHarness.start(new Date('2022-04-06T10:00:00+08:00'), { smtpUrl: mail.url });
    api = new ApiClient(h.app);
    await createTenant(h.db, {
      id: TENANT,
      nameZh: '天津市',
      divisionCode: '120000',
      districts: [
        { code: '120101', nameZh: '和平区' },
        { code: '120103', nameZh: '河西区' },
      ],
    });
    org = await createOrganization(h.db, { tenantId: TENANT, districtCode: '120101', uscc: makeUscc({ division: '120101' }), name: '天津和平通知测试有限公司' });
    officerUser = await createUser(h.db, { tenantId: TENANT, role: 'program_officer' });
    officer = await login(h.app, officerUser);
    hepingUser = await createUser(h.db, { tenantId: TENANT, role: 'district_reviewer', districtCode: '120101' });
    heping = await login(h.app, hepingUser);
    hexiUser = await createUser(h.db, { tenantId: TENANT, role: 'district_reviewer', districtCode: '120103' });
    instituteUser = await createUser(h.db, { tenantId: TENANT, role: 'technical_reviewer' });
    institute = await login(h.app, instituteUser);
    financeUser = await createUser(h.db, { tenantId: TENANT, role: 'finance_officer', financeLevel: 'city' });
    finance = await login(h.app, financeUser);
    applicantUser = await createOrganizationAdministrator(h.db, org);
    applicant = await login(h.app, applicantUser);
    for (let i = 0; i < 2; i++) {
      const user = await createUser(h.db, { tenantId: TENANT, role: 'expert' });
      experts.push({ ...user, session: await login(h.app, user) });
      await api.expect(officer, 200, { method: 'put', path: `/experts/${user.id}/profile`, body: { field: '标准化', affiliatedUsccs: [], active: true } });
    }
    const program = await createProgram(h.db, {
      tenantId: TENANT,
      policyId: 'tianjin-2021',
      year: 2022,
      title: '2022年度天津市标准化资助（通知测试）',
      status: 'open',
      opensAt: new Date('2022-04-01T09:00:00+08:00'),
      closesAt: new Date('2022-04-30T17:00:00+08:00'),
      materials: { standard: ['标准文本'] },
      budgetTotalFen: 100_000_000,
      review: reviewSettings({
        stages: { formal_check: true, district_review: true, technical_review: true, expert_review: true },
        panel: {
          size: 2,
          quorum: 2,
          scoringDays: 7,
          reminderHoursBefore: 24,
          combine: 'mean',
          rubric: { criteria: [{ key: 'quality', label: '标准质量', maxPoints: 100 }] },
        },
        publicity: { days: 15, unit: 'calendar' },
      }),
    });
    programId = program.id;
    // The factory schedules nothing: the closing job the product queues when it schedules a program, due at closesAt.
    await h.rows(`insert into outbox (tenant_id, queue, job_name, payload, run_at) values ($1, 'workflow', 'program.close', $2, $3)`, [
      TENANT,
      JSON.stringify({ tenantId: TENANT, programId }),
      new Date('2022-04-30T17:00:00+08:00'),
    ]);
    await h.startWorker();
  }, 60_000);

  afterAll(async () => {
    await h?.close();
    await mail?.close();
  });

  it('tells the reviewers of each stage when the work reaches them, and nobody of another district', async () => {
    const drafted = await prepareApplication(api, applicant, programId, {
      achievements: [
        { id: 'a1', type: 'standard', level: 'national', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'GB/T 41101-2021', publishedOn: '2021-05-10' },
        { id: 'a2', type: 'standard', level: 'industry', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'JB/T 14101-2021', publishedOn: '2021-08-20' },
        { id: 'a3', type: 'standard', level: 'industry', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'JB/T 14102-2021', publishedOn: '2021-09-20' },
      ],
      evidence: { a1: '标准文本', a2: '标准文本', a3: '标准文本' },
    });
    applicationId = drafted.applicationId;
    expect((await submit(api, applicant, applicationId, key())).status).toBe('formal_check');
    expect(await toldOf('application.awaiting-review', applicationId)).toEqual([officerUser.id]);

    const checked = await api.expect<ApplicationView>(officer, 200, { method: 'post', path: `/applications/${applicationId}/formal-check`, body: { outcome: 'complete' } });
    expect(checked.status).toBe('district_review');
    // The district's own reviewer hears of it; the other district's does not.
    expect(await toldOf('application.awaiting-review', applicationId)).toEqual([officerUser.id, hepingUser.id].sort());
    expect(await noticesOf(heping)).toEqual([expect.objectContaining({ kind: 'application.awaiting-review', subject: `待区级初审：${org.name}` })]);

    await api.expect(heping, 200, { method: 'post', path: `/applications/${applicationId}/district-review`, body: { outcome: 'forward' } });
    expect(await toldOf('application.awaiting-review', applicationId)).toEqual([officerUser.id, hepingUser.id, instituteUser.id].sort());

    for (const achievementId of ['a1', 'a2', 'a3']) {
      await api.expect(institute, 200, { method: 'put', path: `/applications/${applicationId}/technical-opinions/${achievementId}`, body: { opinion: 'support', comment: '符合第七条' } });
    }
    const reviewed = await api.expect<ApplicationView>(institute, 200, { method: 'post', path: `/applications/${applicationId}/technical-review/complete` });
    expect(reviewed.status).toBe('expert_review');
    // The office draws the panel: it is told the application waits for one.
    const panelDue = (await noticesOf(officer)).find((n) => n.subject === `待专家评审：${org.name}`);
    expect(panelDue).toMatchObject({ kind: 'application.awaiting-review', body: expect.stringContaining('请抽取评审专家') });

    await api.expect(officer, 201, { method: 'post', path: `/applications/${applicationId}/panel` });
    expect(await toldOf('panel.invited', applicationId)).toEqual(experts.map((e) => e.id).sort());
    for (const expert of experts) {
      await api.expect(expert.session, 200, { method: 'post', path: `/applications/${applicationId}/expert-declaration`, body: { noConflict: true } });
      await api.expect(expert.session, 200, {
        method: 'put',
        path: `/applications/${applicationId}/panel/score`,
        body: { scores: { quality: 90 }, amounts: { a1: 8_000_000, a2: 4_000_000, a3: 4_000_000 }, comment: '同意资助' },
      });
    }
    await api.expect(officer, 200, { method: 'post', path: `/applications/${applicationId}/expert-review/complete` });
    const decisionDue = (await noticesOf(officer)).find((n) => n.subject === `待审定：${org.name}`);
    expect(decisionDue).toMatchObject({ kind: 'application.awaiting-review', body: expect.stringContaining('请审定资助金额') });
    expect(await toldOf('application.awaiting-review', applicationId)).toEqual([officerUser.id, officerUser.id, officerUser.id, hepingUser.id, instituteUser.id].sort());
    // Nothing ever reached the other district's reviewer.
    expect(await h.rows(`select kind from notifications where user_id = $1`, [hexiUser.id])).toEqual([]);
  });

  it('decides after the worker closes the call: the applicant sees each decided item with its reason', async () => {
    h.setClock('2022-04-30T17:00:30+08:00');
    await waitFor('the program to close', async () => (await h.statusOf('programs', programId)) === 'closed');
    h.setClock('2022-05-10T10:00:00+08:00');
    await api.expect(officer, 200, {
      method: 'put',
      path: `/applications/${applicationId}/decision`,
      body: {
        items: [
          { achievementId: 'a1', amountFen: 8_000_000 },
          { achievementId: 'a2', amountFen: 4_000_000 },
          { achievementId: 'a3', amountFen: 0, reason: 'JB/T 14102-2021 与 a2 属同一标准体系的配套部分，不重复资助' },
        ],
      },
    });
    await api.expect(officer, 200, { method: 'post', path: `/programs/${programId}/decide`, body: {} });
    expect(await kindsOf(applicant)).toContain('application.decided');
    const view = await applicantView();
    expect(view).toMatchObject({ status: 'decided', displayStatus: 'decided', payment: null });
    expect(view.decision?.map((i) => [i.achievementId, i.decidedFen, i.reason, i.article])).toEqual([
      ['a1', 8_000_000, null, '第七条'],
      ['a2', 4_000_000, null, '第七条'],
      ['a3', 0, 'JB/T 14102-2021 与 a2 属同一标准体系的配套部分，不重复资助', '第七条'],
    ]);
  });

  it('answers an objector by e-mail, and tells the office to call back an objector who left only a phone number', async () => {
    h.setClock('2022-05-16T09:00:00+08:00');
    const opened = await api.expect<{ id: string }>(officer, 201, { method: 'post', path: `/programs/${programId}/publicity`, body: { startsOn: '2022-05-16' } });
    publicityId = opened.id;
    h.setClock('2022-05-18T10:00:00+08:00');
    const object = (contact: Record<string, string>) =>
      api.expect<{ referenceId: string }>(null, 201, {
        method: 'post',
        path: `/public/tenants/${TENANT}/publicities/${publicityId}/objections`,
        body: { applicationId, reasons: 'GB/T 41101-2021 的第一起草单位并非申报单位', ...contact },
      });
    const byMail = await object({ contactName: '李四', contactEmail: OBJECTOR_EMAIL });
    const byPhone = await object({ contactName: '王五', contactPhone: '13900000000' });
    h.setClock('2022-05-20T10:00:00+08:00');
    for (const objection of [byMail, byPhone]) {
      await api.expect(officer, 200, {
        method: 'post',
        path: `/objections/${objection.referenceId}/resolution`,
        body: { outcome: 'dismissed', explanation: '经核查标准前言，申报单位为第一起草单位' },
      });
    }
    expect(await h.rows(`select kind from notifications where email = $1 and user_id is null`, [OBJECTOR_EMAIL])).toEqual([{ kind: 'objection.dismissed' }]);
    await waitFor('the e-mail to the objector', async () => mail.mails.some((m) => m.to.includes(OBJECTOR_EMAIL)));
    expect(mail.mails.find((m) => m.to.includes(OBJECTOR_EMAIL))?.text).toContain('经复核不成立');
    expect(await toldOf('objection.reply-by-phone', byPhone.referenceId)).toEqual([officerUser.id]);
    const callBack = (await noticesOf(officer)).find((n) => n.kind === 'objection.reply-by-phone');
    expect(callBack?.body).toContain('13900000000');
    expect(await h.statusOf('applications', applicationId)).toBe('in_publicity');
  });

  it('when the worker closes the publicity: the applicant hears of the approval, the officer that the program can be handed over', async () => {
    h.setClock('2022-05-31T00:00:05+08:00');
    await waitFor('the program to be publicized', async () => (await h.statusOf('programs', programId)) === 'publicized');
    const approved = (await noticesOf(applicant)).find((n) => n.kind === 'application.approved');
    expect(approved?.body).toContain('120000.00');
    expect(await toldOf('program.publicized', programId)).toEqual([officerUser.id]);
    expect((await noticesOf(officer)).find((n) => n.kind === 'program.publicized')?.subject).toContain('可移交财务');
    expect((await applicantView()).displayStatus).toBe('approved');
  });

  it('on hand-over: finance hears of the list, the applicant that its award went to finance', async () => {
    h.setClock('2022-06-02T10:00:00+08:00');
    await api.expect(officer, 200, { method: 'post', path: `/programs/${programId}/hand-over` });
    expect(await toldOf('program.handed-over', programId)).toEqual([financeUser.id]);
    expect(await toldOf('application.handed-over', applicationId)).toEqual([applicantUser.id]);
    expect((await applicantView()).displayStatus).toBe('handed_over');
  });

  it('tells the applicant of a refused bank line and of each payment; its status runs to paid', async () => {
    h.setClock('2022-06-10T10:00:00+08:00');
    const base = `/finance/programs/${programId}`;
    await api.expect(finance, 200, { method: 'put', path: `${base}/budget`, headers: { 'Idempotency-Key': key() }, body: { payer: 'city', amountFen: 100_000_000 } });
    await api.expect(finance, 200, { method: 'post', path: `${base}/intake`, headers: { 'Idempotency-Key': key() } });
    await api.expect(finance, 200, { method: 'post', path: `${base}/approvals`, headers: { 'Idempotency-Key': key() }, body: { payer: 'city', all: true } });
    expect((await applicantView()).payment).toMatchObject({ status: 'awaiting_payment', payableFen: 12_000_000, paidFen: 0 });
    await api.expect(applicant, 200, {
      method: 'put',
      path: `/finance/organizations/${org.id}/bank-account`,
      body: { accountName: org.name, bankName: '中国工商银行天津和平支行', accountNo: '6222020302001234567' },
    });
    const batch = await api.expect<BatchBody>(finance, 201, { method: 'post', path: `${base}/batches`, headers: { 'Idempotency-Key': key() }, body: { payer: 'city' } });
    expect(batch.lines.map((l) => l.amountFen).sort((x, y) => x - y)).toEqual([4_000_000, 8_000_000]);
    const national = batch.lines.find((l) => l.amountFen === 8_000_000)!;
    const industry = batch.lines.find((l) => l.amountFen === 4_000_000)!;
    await api.expect(finance, 200, {
      method: 'post',
      path: `/finance/batches/${batch.id}/confirm`,
      headers: { 'Idempotency-Key': key() },
      body: { bankReference: 'ICBC-20220610-1', lines: [{ lineNo: national.lineNo, outcome: 'paid' }, { lineNo: industry.lineNo, outcome: 'failed', bankReference: 'RJ-NAME-MISMATCH' }] },
    });
    const news = await noticesOf(applicant);
    expect(news.find((n) => n.kind === 'payment.paid')?.body).toContain('80000.00');
    expect(news.find((n) => n.kind === 'payment.failed')?.body).toContain('40000.00');
    expect(await toldOf('payment.failed', applicationId)).toEqual([applicantUser.id]);
    expect(await applicantView()).toMatchObject({ status: 'handed_over', displayStatus: 'payment_failed', payment: { status: 'payment_failed', paidFen: 8_000_000 } });

    const retry = await api.expect<BatchBody>(finance, 201, { method: 'post', path: `${base}/batches`, headers: { 'Idempotency-Key': key() }, body: { payer: 'city' } });
    expect(await applicantView()).toMatchObject({ displayStatus: 'partly_paid', payment: { status: 'partly_paid' } });
    await api.expect(finance, 200, { method: 'post', path: `/finance/batches/${retry.id}/confirm`, headers: { 'Idempotency-Key': key() }, body: { bankReference: 'ICBC-20220613-1' } });
    expect((await h.rows<{ kind: string }>(`select kind from notifications where entity_id = $1 and kind = 'payment.paid' and user_id = $2`, [applicationId, applicantUser.id])).length).toBe(2);
    expect(await applicantView()).toMatchObject({ status: 'handed_over', displayStatus: 'paid', payment: { status: 'paid', payableFen: 12_000_000, paidFen: 12_000_000 } });
  });

  it('tells the applicant when money is clawed back', async () => {
    h.setClock('2022-09-01T10:00:00+08:00');
    await api.expect(officer, 201, {
      method: 'post',
      path: '/finance/clawbacks',
      headers: { 'Idempotency-Key': key() },
      body: { applicationId, reasonKind: 'misuse', reason: '资助资金用于与标准化无关的支出', amountFen: 1_000_000, foundOn: '2022-08-30' },
    });
    const clawback = (await noticesOf(applicant)).find((n) => n.kind === 'clawback.claimed');
    expect(clawback?.body).toContain('10000.00');
    expect(clawback?.body).toContain('资助资金用于与标准化无关的支出');
    expect(await toldOf('clawback.claimed', applicationId)).toEqual([applicantUser.id]);
    expect((await applicantView()).payment).toMatchObject({ status: 'paid', clawedBackFen: 1_000_000 });
  });
});
