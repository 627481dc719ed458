/// <reference lib="dom" />
import { Page } from 'playwright-core';
import { createTenant, createUser, login, registerApprovedOrganization, Session, UserFixture } from '../support/factories';
import { ApiClient } from '../e2e/scenarios-support/api-client';
import { waitFor } from '../e2e/scenarios-support/scenario-harness';
import { programBodyFrom, readTemplate } from '../e2e/scenarios-support/text-steps';
import { draftAndSchedule, prepareApplication, submit } from '../e2e/scenarios-support/workflow-steps';
import { screenshot, seriousAccessibilityViolations } from './support/browser';
import { signIn, WebHarness } from './support/web-harness';

/**
 * The program officer's screens on Beijing's text (beijing-2020, in force from 2020-02-25 with no end), on a manual
 * clock in March 2024: the programs list, a program created from the text's template with each setting's article,
 * announced with a confirmation, its page (overview, applications, the running call's deadlines: the window extended
 * with a reason), and an application's detail with its evidence previewed and the engine's article-by-article estimate.
 */
describe('browser: the program officer’s programs and an application’s detail', () => {
  const TENANT = 'beijing';
  const TITLE = '2024年度首都标准化战略补助资金（第二批）';
  let web: WebHarness;
  let api: ApiClient;
  let officerUser: UserFixture;
  let officer: Session;
  let applicationId: string;
  let page: Page;

  beforeAll(async () => {
    web = await WebHarness.start(new Date('2024-03-11T10:00:00+08:00'));
    api = new ApiClient(web.scenario.app);
    await createTenant(web.scenario.db, { id: TENANT, nameZh: '北京市', divisionCode: '110000', districts: [{ code: '110108', nameZh: '海淀区' }] });
    officerUser = await createUser(web.scenario.db, { tenantId: TENANT, role: 'program_officer', displayName: '李主管' });
    officer = await login(web.scenario.app, officerUser);

    // An earlier call, prepared through the API: open, one application submitted and formally checked.
    const template = await readTemplate(api, officer, 'beijing-2020');
    const prepared = await draftAndSchedule(
      api,
      officer,
      programBodyFrom(template, {
        year: 2024,
        title: '2024年度首都标准化战略补助资金（第一批）',
        opensAt: '2024-03-12T09:00:00+08:00',
        closesAt: '2024-05-31T17:00:00+08:00',
        call: { title: '关于组织申报2024年度首都标准化战略补助资金项目的通知', body: '申请时间与要求以本通知为准。', materials: { standard: ['标准文本及发布公告'] } },
        budget: { totalFen: 1_000_000_000, rule: 'pro_rata', sources: [{ source: 'city', amountFen: 1_000_000_000 }] },
      }),
    );
    web.scenario.setClock('2024-03-12T09:00:30+08:00');
    await waitFor('the earlier call to open', async () => (await web.scenario.statusOf('programs', prepared.id)) === 'open');
    web.scenario.setClock('2024-03-12T10:00:00+08:00');
    const org = await registerApprovedOrganization(web.scenario.app, web.scenario.db, { tenantId: TENANT, districtCode: '110108', name: '北京海淀智联标准技术有限公司' }, officer);
    const applicant = await login(web.scenario.app, org.applicant);
    const drafted = await prepareApplication(api, applicant, prepared.id, {
      achievements: [
        { id: 'a1', type: 'standard', level: 'national', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'GB/T 43697-2023', publishedOn: '2023-05-23', costsIncurredFen: 18_000_000 },
      ],
      evidence: { a1: '标准文本及发布公告' },
    });
    await submit(api, applicant, drafted.applicationId, 'officer-programs-submit');
    await api.expect(officer, 200, { method: 'post', path: `/applications/${drafted.applicationId}/formal-check`, body: { outcome: 'complete' } });
    applicationId = drafted.applicationId;

    page = await web.page();
    await signIn(page, '北京市', officerUser.username, officerUser.password);
  }, 120_000);

  afterAll(async () => {
    await page?.context().close();
    await web?.close();
  });

  async function expectAccessible(name: string): Promise<void> {
    // Away from any control: axe judges the colours at rest, not a hovered button's.
    await page.mouse.move(0, 0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, name);
  }

  async function pickDate(label: string, date: string, scope: Page | ReturnType<Page['locator']> = page): Promise<void> {
    const field = scope.getByLabel(label, { exact: true });
    await field.click();
    await field.fill(date);
    // Tab, not Enter: a typed date is taken as typed, and Enter would also submit the form around it.
    await field.press('Tab');
    await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' });
    expect(await field.inputValue()).toBe(date);
  }

  it('lists the programs from the menu, with a search form and the budget in yuan', async () => {
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '资助项目' }).click();
    await page.getByRole('heading', { level: 1, name: '资助项目' }).waitFor();
    const row = page.getByRole('row', { name: /第一批/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('10,000,000.00');
    expect(await row.innerText()).toContain('申报中');
    await page.getByRole('search').waitFor();
    await expectAccessible('officer-programs-list');
  });

  it('creates a program from the text’s template, each setting beside its article, and announces it with a confirmation', async () => {
    await page.getByRole('button', { name: /新增项目/ }).click();
    await page.getByRole('heading', { level: 1, name: '新增资助项目' }).waitFor();
    // 第十三条: the expert review of the 标准制修订 items is the text's, shown beside the switch (and not to be turned off).
    const expertItem = page.locator('.ant-form-item', { has: page.getByRole('switch', { name: '专家评审' }) });
    await expertItem.getByText('第十三条').waitFor();
    expect(await page.getByRole('switch', { name: '专家评审' }).isDisabled()).toBe(true);
    await expectAccessible('officer-programs-create');

    await page.getByLabel('项目年度').fill('2024');
    await page.getByLabel('项目名称').fill(TITLE);
    await pickDate('开始受理日期', '2024-04-08');
    await pickDate('截止受理日期', '2024-04-01');
    await page.getByLabel('预算总额（元）').fill('5000000');
    await page.getByRole('button', { name: /保存草稿/ }).click();
    // The API refuses a window that closes before it opens; its words stand beside the closing date.
    const closing = page.locator('.ant-form-item', { has: page.getByLabel('截止受理日期', { exact: true }) });
    await closing.locator('.ant-form-item-explain-error').waitFor();
    expect(await closing.locator('.ant-form-item-explain-error').innerText()).not.toBe('');
    await pickDate('截止受理日期', '2024-05-31');
    await page.getByRole('button', { name: /保存草稿/ }).click();

    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('草稿', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: /^发\s*布$/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('.ant-modal-confirm-title', { hasText: '发布本项目的申报通知？' }).waitFor();
    await dialog.getByRole('button', { name: /确定发布/ }).click();
    await page.getByText('待开放', { exact: true }).first().waitFor();
  });

  it('shows the new program in the list, and its page: settings with articles, applications, deadlines', async () => {
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '资助项目' }).click();
    const row = page.getByRole('row', { name: /第二批/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('待开放');
    expect(await row.innerText()).toContain('5,000,000.00');
    await row.getByRole('link', { name: TITLE }).click();

    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('tab', { name: '概况' }).waitFor();
    await page.getByText('第十三条').first().waitFor();
    expect(await page.getByText('5,000,000.00').count()).toBeGreaterThan(0);
    await expectAccessible('officer-programs-overview');

    await page.getByRole('tab', { name: '申报' }).click();
    await page.getByRole('heading', { level: 2, name: '申报单位' }).waitFor();
    await expectAccessible('officer-programs-applications');
  });

  it('extends the window of the announced call with a reason', async () => {
    await page.getByRole('tab', { name: '截止与延期' }).click();
    const card = page.locator('.ant-card', { has: page.getByRole('heading', { name: '调整申报截止时间（延期或提前）' }) });
    await card.waitFor();
    await page.getByText(/当前受理时间：2024年4月8日 09:00 至 2024年5月31日 17:00/).waitFor();
    await expectAccessible('officer-programs-deadlines');
    await pickDate('新的截止日期', '2024-06-14', card);
    await card.getByLabel('调整原因').fill('应申报单位要求，申报截止时间延期两周');
    await card.getByRole('button', { name: /确认调整/ }).click();
    await page.getByText('申报截止时间已调整').waitFor();
    await page.getByText(/当前受理时间：.* 至 2024年6月14日 17:00/).waitFor();
    const [row] = await web.scenario.rows<{ closes_at: Date }>(`select closes_at from programs where title = $1`, [TITLE]);
    expect(row.closes_at.toISOString()).toBe('2024-06-14T09:00:00.000Z');
    const [audit] = await web.scenario.rows<{ reason: string }>(`select reason from audit_log where entity_type = 'program' and reason like '%延期两周%'`);
    expect(audit?.reason).toBe('应申报单位要求，申报截止时间延期两周');
  });

  it('opens an application: evidence previewed inline, the estimate explained article by article, the review history and audit trail', async () => {
    // From the earlier call's page: its applications, filtered to the expert review, one click to the detail.
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '资助项目' }).click();
    await page.getByRole('link', { name: /第一批/ }).click();
    await page.getByRole('tab', { name: '申报' }).click();
    const row = page.getByRole('row', { name: /北京海淀智联标准技术有限公司/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('专家评审');
    expect(await row.innerText()).toContain('180,000.00');
    await row.getByRole('link', { name: '北京海淀智联标准技术有限公司' }).click();
    await page.waitForURL(`**/applications/${applicationId}`);
    await page.getByRole('heading', { level: 1, name: '北京海淀智联标准技术有限公司' }).waitFor();
    await page.getByRole('heading', { name: '资助测算及依据' }).waitFor();
    // 第九条第（二）项: a national standard ≤ 30 万, capped at the 18 万 actually spent (第九条第（七）项).
    const item = page.locator('.ant-card-inner, .ant-card-type-inner', { hasText: 'GB/T 43697-2023' }).first();
    await item.getByText('180,000.00').first().waitFor();
    expect(await item.innerText()).toMatch(/第九条/);
    await page.getByText('该成果无以往资助记录').waitFor();
    // The review history, and the audit trail: who did what, when and why.
    await page.getByRole('cell', { name: '审查通过', exact: true }).waitFor();
    const audit = page.locator('.ant-card', { has: page.getByRole('heading', { name: '操作记录' }) });
    await audit.getByRole('cell', { name: '形式审查通过', exact: true }).waitFor();
    await audit.getByRole('cell', { name: '李主管（项目主管）' }).first().waitFor();
    await audit.getByRole('cell', { name: '提交申报', exact: true }).waitFor();

    await page.getByRole('button', { name: /预览 标准文本及发布公告/ }).click();
    const frame = page.locator('iframe[title^="预览"]');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toMatch(/^blob:/);
    await expectAccessible('officer-application-detail');
  });
});
