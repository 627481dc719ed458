/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { asSuperuser, createApplication, createOrganization, createProgram, createTenant, createUser, UserFixture } from '../support/factories';
import { screenshot, seriousAccessibilityViolations } from './support/browser';
import { signIn, WebHarness } from './support/web-harness';

/**
 * Issue 11 through the screens, on a manual clock set to 2026-11-23, when Weihai's only text (weihai-2020, in force
 * 2020-2024) has lapsed. A Weihai officer is told so on the 工作台, drafts weihai-2026 from weihai-2020 (valid
 * 2026-01-01 to 2028-12-31), raises the national-standard lead-formulate ceiling (第六条) from 50万 to 60万 in the item
 * table, watches the validator and the cases (a 2026 case fails until its expected amount is raised), compares the
 * draft over 2024's real applications (+10万), and submits; the four-eyes rule keeps the author's review buttons
 * disabled; a second officer approves, and the version is 现行有效 on 2026 dates. axe and a screenshot on every screen.
 */
describe('browser: a policy version drafted, tested, compared and published with four eyes', () => {
  const TENANT = 'weihai';
  const TITLE = '威海市标准化资助资金管理办法';
  let web: WebHarness;
  let author: UserFixture;
  let reviewer: UserFixture;
  let versionPath: string;

  const check = async (page: Page, name: string) => {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, name);
  };
  const openTab = async (page: Page, name: string) => {
    await page.getByRole('tab', { name, exact: true }).click();
    await page.getByRole('tabpanel', { name, exact: true }).waitFor();
  };

  beforeAll(async () => {
    web = await WebHarness.start(new Date('2026-11-23T10:00:00+08:00'), { worker: false });
    const db = web.scenario.db;
    await createTenant(db, { id: TENANT, nameZh: '威海市', divisionCode: '371000', districts: [{ code: '371002', nameZh: '环翠区' }] });
    author = await createUser(db, { tenantId: TENANT, role: 'program_officer', displayName: '王起草' });
    reviewer = await createUser(db, { tenantId: TENANT, role: 'program_officer', displayName: '李审核' });
    // 2024's real applications, for the what-if: one national standard the applicant led (50万 under weihai-2020).
    const program = await createProgram(db, { tenantId: TENANT, policyId: 'weihai-2020', year: 2024, title: '2024年度威海市标准化资助资金', status: 'closed', budgetTotalFen: 100_000_000 });
    // Created by the author, as through the API (the factory's placeholder creator is no user to notify).
    await asSuperuser(db, (client) => client.query(`update programs set created_by = $2 where id = $1`, [program.id, author.id]));
    const org = await createOrganization(db, { tenantId: TENANT, districtCode: '371002', name: '威海环翠海洋装备科技有限公司' });
    await createApplication(db, {
      tenantId: TENANT, programId: program.id, organizationId: org.id, districtCode: '371002', status: 'awaiting_decision',
      submittedAt: new Date('2024-03-20T10:00:00+08:00'),
      achievements: [{ id: 'a1', type: 'standard', level: 'national', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'GB/T 40001-2023', publishedOn: '2023-06-01' }],
    });
  }, 120_000);
  afterAll(async () => web?.close());

  it('the 工作台 says no text is in force and leads to a draft of weihai-2026 from weihai-2020', async () => {
    const page = await web.page();
    await signIn(page, '威海市', author.username, author.password);
    const lapsed = page.locator('[data-notice="policy-lapsed"]');
    await lapsed.getByRole('heading', { name: '本单位没有现行有效的政策版本' }).waitFor();
    expect(await lapsed.innerText()).toContain('2024年12月31日');
    await check(page, 'policy-lapsed-workbench');

    await lapsed.getByRole('button', { name: `以“${TITLE}”为基础起草后续版本` }).click();
    const dialog = page.getByRole('dialog', { name: '新建政策草稿' });
    await dialog.waitFor();
    await dialog.getByText(`${TITLE}（weihai-2020，2020年1月1日 至 2024年12月31日）`).waitFor();
    await dialog.getByLabel('新版本编号').fill('weihai-2026');
    await dialog.getByLabel('修改说明').fill('2026 年版：国家标准主持制定资助上限由 50 万元提高到 60 万元');
    await check(page, 'policy-new-draft');
    await dialog.getByRole('button', { name: '创建草稿' }).click();
    await page.waitForURL(/\/policies\/versions\/[0-9a-f-]{36}$/);
    versionPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('基于 weihai-2020 起草').waitFor();
    await page.context().close();
  });

  it('edits the header and the item table, validated as typed, marks what changed, and saves', async () => {
    const page = await web.page();
    await signIn(page, '威海市', author.username, author.password);
    await page.goto(versionPath);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    // Validity 2026-01-01 first: until the end date follows, the validator names the field.
    const setDate = async (label: string, date: string) => {
      const field = page.getByLabel(label, { exact: true });
      await field.click();
      await field.fill(date);
      await field.press('Enter');
    };
    await setDate('有效期起', '2026-01-01');
    await page.getByText(/发现 \d+ 处错误/).waitFor();
    expect(await page.getByRole('status').filter({ hasText: '发现' }).innerText()).toMatch(/有效期/);
    await setDate('有效期止', '2028-12-31');
    await page.getByText('校验通过：没有发现错误').waitFor();
    expect(await page.locator('[data-changed]').count()).toBeGreaterThanOrEqual(2);
    await check(page, 'policy-draft-header');

    await openTab(page, '资助项目');
    const amount = page.getByLabel('国家标准 主持制定 金额', { exact: true });
    expect(await amount.inputValue()).toBe('50');
    await amount.fill('6x');
    await page.getByText('请输入金额，万元最多六位小数（如 60 或 7.5）').waitFor();
    await amount.fill('60');
    const row = page.locator('tr', { has: amount });
    await row.getByText('＝ 600,000.00 元').waitFor();
    await row.getByText('原为：50万').waitFor();
    await page.getByText('校验通过：没有发现错误').waitFor();
    await check(page, 'policy-draft-items');

    await openTab(page, '规则');
    await page.getByRole('heading', { level: 4, name: '每单位每年上限（第十九条）' }).waitFor();
    await check(page, 'policy-draft-rules');
    await openTab(page, '申报程序');
    await page.getByRole('heading', { level: 3, name: '审查环节' }).waitFor();
    await check(page, 'policy-draft-procedure');
    await openTab(page, '原文 YAML');
    const yaml = await page.getByRole('textbox', { name: '原文 YAML' }).inputValue();
    expect(yaml).toMatch(/ceiling: "60万"/);
    expect(yaml).toContain('effectiveFrom: "2026-01-01" # 第二十八条');
    expect(yaml).toContain('id: weihai-2026');
    await check(page, 'policy-draft-yaml');

    await page.getByRole('button', { name: /^保\s*存$/ }).click();
    await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    await page.context().close();
  });

  it('runs the cases on every save: a 2026 case fails until its expected amount is raised to 60万', async () => {
    const page = await web.page();
    await signIn(page, '威海市', author.username, author.password);
    await page.goto(`${versionPath}?tab=cases`);
    await page.getByText(/共 \d+ 个案例：通过 \d+ 个，未通过 0 个/).waitFor();
    const cases = page.getByLabel('测试案例（YAML）');
    const text = await cases.inputValue();
    const with2026 = (fen: string) =>
      `${text.trimEnd()}\n  - name: 2026 national standard, lead, formulate\n    article: 第六条\n    source: "002:4533"\n    applicationDate: "2026-03-20"\n    programYear: 2026\n` +
      `    achievements:\n      - { id: a1, type: standard, level: national, action: formulate, role: lead, draftingRank: 1, standardNo: "GB/T 41000-2025", publishedOn: "2025-06-01" }\n` +
      `    expect:\n      totalFen: ${fen}\n      items:\n        a1: { outcome: awarded, amountFen: ${fen}, basis: ceiling, article: 第六条 }\n`;
    await cases.fill(with2026('50000000'));
    await page.getByRole('button', { name: /^保\s*存$/ }).click();
    await page.getByText(/共 \d+ 个案例：通过 \d+ 个，未通过 1 个/).waitFor();
    const failing = page.locator('tr', { hasText: '2026 national standard, lead, formulate' });
    await failing.getByText('未通过').waitFor();
    expect(await failing.innerText()).toContain('600,000.00');
    await failing.getByRole('button', { name: /展开|Expand/ }).click();
    await page.getByText(/第六条/).first().waitFor();
    expect(await page.getByRole('button', { name: '提交审核' }).isDisabled()).toBe(true);
    await page.getByText('有 1 个测试案例未通过，改正后才能提交审核').waitFor();
    await check(page, 'policy-draft-cases-failing');

    await cases.fill(with2026('60000000'));
    await page.getByRole('button', { name: /^保\s*存$/ }).click();
    await page.getByText(/共 \d+ 个案例：通过 \d+ 个，未通过 0 个/).waitFor();
    await page.getByText('全部案例通过').waitFor();
    await page.context().close();
  });

  it('compares the draft over 2024’s applications (+100,000 yuan), then submits; the author cannot review it', async () => {
    const page = await web.page();
    await signIn(page, '威海市', author.username, author.password);
    await page.goto(`${versionPath}?tab=whatIf`);
    await page.getByLabel('年度', { exact: true }).fill('2024');
    await page.getByRole('button', { name: '开始测算' }).click();
    const report = page.getByTestId('what-if-report');
    await report.waitFor();
    const words = await report.innerText();
    expect(words).toContain('weihai-2020 → weihai-2026');
    expect(words).toContain('+100,000.00');
    expect(words).toContain('国家标准 主持制定');
    expect(words).toContain('威海环翠海洋装备科技有限公司');
    await check(page, 'policy-draft-what-if');

    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByText('四眼原则：您是本版本的起草人，须由另一位项目主管审核通过或退回。').waitFor();
    expect(await page.getByRole('button', { name: '审核通过并发布' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: /^退\s*回$/ }).isDisabled()).toBe(true);
    await check(page, 'policy-submitted-author');
    await page.context().close();
  });

  it('a second officer returns it with a reason; the author reads the reason and submits it again', async () => {
    const page = await web.page();
    await signIn(page, '威海市', reviewer.username, reviewer.password);
    await page.goto('/policies?tab=submitted');
    await page.getByRole('heading', { level: 2, name: '待审核的政策版本' }).waitFor();
    await page.getByRole('link', { name: TITLE }).click();
    await page.waitForURL((url) => url.pathname === versionPath);
    await page.getByRole('button', { name: /^退\s*回$/ }).click();
    const dialog = page.getByRole('dialog', { name: '退回修改' });
    expect(await dialog.getByRole('button', { name: /^退\s*回$/ }).isDisabled()).toBe(true);
    await dialog.getByLabel('退回理由').fill('请在修改说明中写明依据的市政府常务会议纪要');
    await check(page, 'policy-return-dialog');
    await dialog.getByRole('button', { name: /^退\s*回$/ }).click();
    await page.getByText('审核人退回：请在修改说明中写明依据的市政府常务会议纪要').waitFor();
    await page.context().close();

    const mine = await web.page();
    await signIn(mine, '威海市', author.username, author.password);
    await mine.goto('/policies?tab=returned');
    await mine.getByRole('heading', { level: 2, name: '已退回的政策版本' }).waitFor();
    await mine.getByRole('link', { name: TITLE }).click();
    await mine.getByText('审核人退回：请在修改说明中写明依据的市政府常务会议纪要').waitFor();
    await mine.getByLabel('修改说明').fill('2026 年版：国家标准主持制定资助上限由 50 万元提高到 60 万元（依据 2025 年第 30 次市政府常务会议纪要）');
    await mine.getByRole('button', { name: /^保\s*存$/ }).click();
    await mine.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    await check(mine, 'policy-returned-author');
    await mine.getByRole('button', { name: '提交审核' }).click();
    await mine.getByText('四眼原则：您是本版本的起草人，须由另一位项目主管审核通过或退回。').waitFor();
    await mine.context().close();
  });

  it('a second officer finds it 待审核, approves and publishes it; it is 现行有效 on 2026 dates with 60万', async () => {
    const page = await web.page();
    await signIn(page, '威海市', reviewer.username, reviewer.password);
    await page.goto('/policies?tab=submitted');
    await page.getByRole('heading', { level: 2, name: '待审核的政策版本' }).waitFor();
    await check(page, 'policy-list-submitted');
    await page.getByRole('link', { name: TITLE }).click();
    await page.waitForURL((url) => url.pathname === versionPath);
    await page.getByText('起草人：王起草').waitFor();
    await openTab(page, '与原版本比较');
    expect(await page.getByRole('tabpanel', { name: '与原版本比较' }).innerText()).toContain('改为：60万');
    await check(page, 'policy-submitted-reviewer');
    await page.getByRole('button', { name: '审核通过并发布' }).click();
    const confirm = page.getByRole('dialog', { name: '审核通过并发布本版本？' });
    await confirm.getByRole('button', { name: '审核通过并发布' }).click();
    await page.getByText('本版本已发布，不能再修改。').waitFor();
    await page.getByText('审核人：李审核').waitFor();

    await page.goto('/policies');
    const card = page.locator('.ant-card').filter({ has: page.getByRole('heading', { level: 2, name: TITLE }) }).first();
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('现行有效');
    expect(text).toContain('2026年1月1日');
    expect(text).toContain('2028年12月31日');
    expect(text).toContain('600,000.00');
    await check(page, 'policy-list-in-force');

    await page.getByRole('tab', { name: '全部', exact: true }).click();
    const published = page.locator('tr', { hasText: 'weihai-2026' });
    await published.getByText('已发布').waitFor();
    await published.getByText('现行有效').waitFor();
    expect(await page.locator('#main').innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await check(page, 'policy-list-all');
    await page.context().close();
  });

  it('the author’s 工作台 no longer says the texts lapsed, and tells that the 2024 program runs under an older version', async () => {
    const page = await web.page();
    await signIn(page, '威海市', author.username, author.password);
    await page.getByText('有资助项目仍按旧版本政策执行').waitFor();
    await page.getByRole('link', { name: '“2024年度威海市标准化资助资金”按 weihai-2020 执行，已有更新的版本 weihai-2026' }).waitFor();
    expect(await page.locator('[data-notice="policy-lapsed"]').count()).toBe(0);
    await check(page, 'policy-older-version-workbench');
    await page.context().close();
  });

  it('starts a draft from an uploaded YAML file; a negative amount is stored in the draft and named by its field in Chinese', async () => {
    const text = readFileSync(join(__dirname, '..', '..', 'config', 'policies', 'weihai', 'weihai-2020.yaml'), 'utf8')
      .replace(/^id: weihai-2020$/m, 'id: weihai-2029')
      .replace(/^effectiveFrom: "2020-01-01"/m, 'effectiveFrom: "2029-01-01"')
      .replace(/^effectiveTo: "2024-12-31"/m, 'effectiveTo: "2030-12-31"')
      .replace(/(id: std\.national\.formulate\.lead[\s\S]*?ceiling: )"50万"/, '$1"-5万"');
    const page = await web.page();
    await signIn(page, '威海市', author.username, author.password);
    await page.goto('/policies');
    await page.getByRole('button', { name: '新建草稿' }).click();
    const dialog = page.getByRole('dialog', { name: '新建政策草稿' });
    await dialog.getByLabel('上传 YAML 文件').check();
    await dialog.locator('input[type=file]').setInputFiles({ name: 'weihai-2029.yaml', mimeType: 'text/yaml', buffer: Buffer.from(text, 'utf8') });
    await dialog.getByText('已选择：weihai-2029.yaml').waitFor();
    await dialog.getByLabel('新版本编号').fill('weihai-2029');
    await dialog.getByRole('button', { name: '创建草稿' }).click();
    await page.waitForURL(/\/policies\/versions\/[0-9a-f-]{36}$/);
    await page.getByText('由上传的文件起草').waitFor();
    const problems = page.getByRole('status').filter({ hasText: '发现' });
    await problems.waitFor();
    expect(await problems.innerText()).toContain('资助项目第4项「国家标准 主持制定」 › 最高金额');
    await check(page, 'policy-uploaded-invalid');
    await problems.getByRole('button', { name: '资助项目第4项「国家标准 主持制定」 › 最高金额' }).click();
    const row = page.locator('tr', { has: page.getByLabel('国家标准 主持制定 金额', { exact: true }) });
    // The validator's words beside the field itself, besides the list.
    await row.getByRole('alert').filter({ hasText: '不能为负数' }).waitFor();
    await page.context().close();
  });
});
