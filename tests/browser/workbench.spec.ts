/// <reference lib="dom" />
import { asSuperuser, createApplication, createOrganization, createProgram, createTenant, createUser, UserFixture } from '../support/factories';
import { screenshot, seriousAccessibilityViolations } from './support/browser';
import { signIn, WebHarness } from './support/web-harness';

/**
 * The 工作台 and the notifications, on Weihai's text (in force 2020–2024) on a manual clock set to Monday 1 July 2024:
 * the officer's and the applicant's cards of work, counted, an overdue one marked 逾期 in words and not only in red,
 * the items linking to their screens; the bell's unread count falling as notifications are read one by one and all.
 */
describe('browser: the 工作台 and notifications', () => {
  const TENANT = 'weihai';
  let web: WebHarness;
  let officer: UserFixture;
  let applicant: UserFixture;
  let formalOverdueId: string;

  beforeAll(async () => {
    web = await WebHarness.start(new Date('2024-07-01T10:00:00+08:00'), { worker: false });
    const db = web.scenario.db;
    await createTenant(db, { id: TENANT, nameZh: '威海市', divisionCode: '371000', districts: [{ code: '371002', nameZh: '环翠区' }] });
    officer = await createUser(db, { tenantId: TENANT, role: 'program_officer', displayName: '刘主管' });
    const open = await createProgram(db, {
      tenantId: TENANT, policyId: 'weihai-2020', year: 2024, title: '2024年度威海市标准化资助',
      opensAt: new Date('2024-06-01T09:00:00+08:00'), closesAt: new Date('2024-08-30T17:00:00+08:00'),
    });
    const closed = await createProgram(db, { tenantId: TENANT, policyId: 'weihai-2020', year: 2024, title: '2024年度威海市标准化资助（第一批）', status: 'closed' });
    const org = (name: string) => createOrganization(db, { tenantId: TENANT, districtCode: '371002', name });
    formalOverdueId = (await createApplication(db, { tenantId: TENANT, programId: closed.id, organizationId: (await org('威海海科电子有限公司')).id, districtCode: '371002', status: 'formal_check', stageDueOn: '2024-06-27' })).id;
    await createApplication(db, { tenantId: TENANT, programId: closed.id, organizationId: (await org('威海蓝海检测有限公司')).id, districtCode: '371002', status: 'formal_check', stageDueOn: '2024-07-05' });
    await createApplication(db, { tenantId: TENANT, programId: closed.id, organizationId: (await org('威海远航船舶有限公司')).id, districtCode: '371002', status: 'awaiting_decision' });
    await createOrganization(db, { tenantId: TENANT, districtCode: '371002', name: '威海待核科技有限公司', registrationStatus: 'pending_review' });

    const mine = await org('威海申报示范有限公司');
    applicant = await createUser(db, { tenantId: TENANT, role: 'applicant', organizationId: mine.id, displayName: '赵经办' });
    await createApplication(db, { tenantId: TENANT, programId: open.id, organizationId: mine.id, districtCode: '371002', status: 'draft' });
    await createApplication(db, { tenantId: TENANT, programId: closed.id, organizationId: mine.id, districtCode: '371002', status: 'correction_requested', stageDueOn: '2024-06-28', returnStage: 'formal_check' });

    await asSuperuser(db, async (c) => {
      for (const [subject, at] of [['新的申报待形式审查', '2024-06-30T09:00:00+08:00'], ['公示期满，请办理移交', '2024-07-01T08:30:00+08:00']]) {
        await c.query(`insert into notifications (tenant_id, user_id, kind, subject, body, created_at) values ($1, $2, 'test.notice', $3, '请登录平台办理。', $4)`, [TENANT, officer.id, subject, at]);
      }
    });
  });
  afterAll(async () => web?.close());

  it('shows the officer each kind of work with its count, the overdue one first and marked 逾期, items linking to the application', async () => {
    const page = await web.page();
    await signIn(page, '威海市', officer.username, officer.password);
    await page.getByRole('heading', { name: '工作台', level: 1 }).waitFor();
    const formal = page.locator('[data-kind="applications_in_formal_check"]');
    await formal.waitFor();
    expect(await formal.getByRole('heading', { name: '待形式审查的申报' }).isVisible()).toBe(true);
    expect(await formal.getByText('2 项').isVisible()).toBe(true);
    expect(await formal.getByText('最早截止：2024年6月27日').isVisible()).toBe(true);
    expect(await formal.getByText('已逾期 4 天').isVisible()).toBe(true);
    expect(await formal.getByText('逾期', { exact: true }).isVisible()).toBe(true);
    expect(await formal.getByText('剩余 4 个工作日').isVisible()).toBe(true);
    // Overdue first: the formal checks lead, before the undated decisions and registrations.
    expect(await page.locator('[data-kind]').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-kind')))).toEqual([
      'applications_in_formal_check',
      'applications_awaiting_decision',
      'registrations_to_review',
    ]);
    expect(await page.locator('[data-kind="applications_awaiting_decision"]').getByText('1 项').isVisible()).toBe(true);
    expect(await formal.getByRole('link', { name: '威海海科电子有限公司' }).getAttribute('href')).toBe(`/applications/${formalOverdueId}`);
    expect(await page.locator('[data-kind="registrations_to_review"]').getByRole('link', { name: '威海待核科技有限公司' }).getAttribute('href')).toBe('/registrations');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'workbench-officer');
    await page.context().close();
  });

  it('shows the applicant its overdue correction and its draft due on the call’s last day', async () => {
    const page = await web.page();
    await signIn(page, '威海市', applicant.username, applicant.password);
    const corrections = page.locator('[data-kind="corrections_requested"]');
    await corrections.waitFor();
    expect(await corrections.getByText('1 项').isVisible()).toBe(true);
    expect(await corrections.getByText('已逾期 3 天').isVisible()).toBe(true);
    const drafts = page.locator('[data-kind="drafts_to_submit"]');
    expect(await drafts.getByText('最早截止：2024年8月30日').isVisible()).toBe(true);
    expect(await drafts.getByText(/剩余 \d+ 个工作日/).first().isVisible()).toBe(true);
    expect(await drafts.getByText('逾期').count()).toBe(0);
    expect(await drafts.getByRole('link', { name: '2024年度威海市标准化资助' }).getAttribute('href')).toMatch(/^\/my\/applications\/[0-9a-f-]{36}$/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'workbench-applicant');
    await page.context().close();
  });

  it('lists my notifications with their CST time; the bell counts down as one and then all are read', async () => {
    const page = await web.page();
    await signIn(page, '威海市', officer.username, officer.password);
    const bell = (count: number) => page.getByRole('link', { name: `通知，${count} 条未读通知` });
    await bell(2).waitFor();
    await bell(2).click();
    await page.waitForURL(/\/notifications/);
    await page.getByRole('heading', { name: '通知', level: 1 }).waitFor();
    await page.getByText('2024年7月1日 08:30').waitFor();
    expect(await page.getByText('公示期满，请办理移交').isVisible()).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'notifications');
    await page.getByRole('button', { name: '将“公示期满，请办理移交”标为已读' }).click();
    await bell(1).waitFor();
    await page.getByRole('button', { name: '全部已读' }).click();
    await bell(0).waitFor();
    expect(await page.getByRole('button', { name: /标为已读$/ }).count()).toBe(0);
    await page.context().close();
  });

  it('says 暂无待办 when nothing waits', async () => {
    const idle = await createUser(web.scenario.db, { tenantId: TENANT, role: 'technical_reviewer', displayName: '钱工' });
    const page = await web.page();
    await signIn(page, '威海市', idle.username, idle.password);
    await page.getByText('暂无待办').waitFor();
    await page.context().close();
  });
});
