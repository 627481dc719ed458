/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { screenshot, seriousAccessibilityViolations } from './support/browser';
import { chooseOption, WebHarness } from './support/web-harness';
import { prepareProgramInPublicity, PreparedProgram, PROGRAM_TITLE, TENANT, TENANT_NAME, ZAOZHUANG_START } from './support/zaozhuang-program';

/**
 * The 公示 pages as an anonymous visitor reads them: Zaozhuang's call of 2022 (its text in force then), prepared through
 * the API up to its publicity; the visitor finds the government, the notice, the list in HTML and xlsx, the period and
 * how to object, is told beside the field what an objection lacks, objects, and keeps the receipt.
 */
describe('browser: the public publicity pages', () => {
  let web: WebHarness;
  let prepared: PreparedProgram;

  beforeAll(async () => {
    web = await WebHarness.start(ZAOZHUANG_START);
    prepared = await prepareProgramInPublicity(web);
  }, 120_000);
  afterAll(async () => web?.close());

  it('lists the governments and the publicities of one, without signing in', async () => {
    const page = await web.page();
    await page.goto('/public');
    await page.getByRole('heading', { level: 1, name: '标准化资助公示' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'public-tenants');
    await page.getByRole('link', { name: new RegExp(`^${TENANT_NAME}`) }).click();
    await page.waitForURL(`**/public/${TENANT}`);
    await page.getByRole('heading', { level: 1, name: `${TENANT_NAME}标准化资助公示` }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(PROGRAM_TITLE) });
    await row.waitFor();
    expect(await row.innerText()).toContain('2022年10月24日');
    expect(await row.innerText()).toContain('公示中');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'public-publicities');
    await page.context().close();
  }, 90_000);

  it('shows the notice, the list in yuan, the period and where to object, and downloads the xlsx', async () => {
    const page = await web.page();
    await page.goto(`/public/${TENANT}/publicities/${prepared.publicityId}`);
    await page.getByRole('heading', { level: 1, name: `关于${PROGRAM_TITLE}拟资助名单的公示` }).waitFor();
    const text = await page.locator('#main').innerText();
    expect(text).toContain('2022年10月24日 至 2022年10月30日');
    expect(text).toContain('正在公示，2022年10月30日 24 时前可提出异议');
    expect(text).toContain('枣庄市市场监督管理局');
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    const table = page.getByRole('table').filter({ hasText: '统一社会信用代码' });
    const tableText = await table.innerText();
    expect(tableText).toContain('枣庄市中精工机械有限公司');
    expect(tableText).toContain(prepared.org.organization.uscc);
    expect(tableText).toContain('500,000.00');
    expect(tableText).toContain('100,000.00');
    expect(tableText).toContain('600,000.00');
    expect(tableText).toContain('GB/T 41801-2022');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'public-publicity-detail');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载名单（Excel）' }).click()]);
    expect(download.suggestedFilename()).toBe(`${PROGRAM_TITLE}拟资助名单.xlsx`);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await page.context().close();
  }, 90_000);

  it('puts what an objection lacks beside its field, in Chinese, and sends nothing', async () => {
    const page = await web.page();
    await page.goto(`/public/${TENANT}/publicities/${prepared.publicityId}`);
    await page.getByRole('heading', { level: 2, name: '在线提出异议' }).waitFor();
    await page.getByLabel('真实姓名（或单位名称及经办人）').fill('张三');
    await page.getByLabel('联系电话').fill('12');
    await page.getByRole('button', { name: '提交异议' }).click();
    const phoneItem = page.locator('.ant-form-item', { has: page.getByLabel('联系电话') });
    await phoneItem.getByText('请填写有效的电话号码（数字，可含 +、- 和空格）').waitFor();
    const reasonsItem = page.locator('.ant-form-item', { has: page.getByLabel('异议的事实和理由') });
    await reasonsItem.getByText('请写明异议的具体事实和理由').waitFor();
    const awardItem = page.locator('.ant-form-item', { has: page.getByLabel('对哪一单位的资助有异议') });
    await awardItem.getByText('请选择您有异议的资助单位').waitFor();
    await page.mouse.move(0, 0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'public-objection-errors');
    const objections = await web.scenario.rows(`select id from objections`);
    expect(objections).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('takes a real-name objection and gives the receipt with its reference and what happens next', async () => {
    const page = await web.page();
    await page.goto(`/public/${TENANT}/publicities/${prepared.publicityId}`);
    await page.getByRole('heading', { level: 2, name: '在线提出异议' }).waitFor();
    await chooseOption(page, '对哪一单位的资助有异议', '枣庄市中精工');
    await page.getByLabel('真实姓名（或单位名称及经办人）').fill('张三');
    await page.getByLabel('联系电话').fill('138 0000 0000');
    await page.getByLabel('异议的事实和理由').fill('据了解，该标准的主要起草单位另有其人，请核实起草单位排名。');
    await page.getByLabel('本人承诺以真实身份提出异议，所反映的情况属实').check();
    await page.getByRole('button', { name: '提交异议' }).click();
    await page.getByRole('status').filter({ hasText: '异议已受理' }).waitFor();
    await page.mouse.move(0, 0);
    const [objection] = await web.scenario.rows<{ id: string; contact_name: string }>(`select id, contact_name from objections`);
    expect(objection.contact_name).toBe('张三');
    const receipt = await page.locator('#main').innerText();
    expect(receipt).toContain(objection.id);
    expect(receipt).toContain('受理编号');
    expect(receipt).toContain('2022年10月24日');
    expect(receipt).toContain('受理单位将核查您反映的情况');
    expect(await web.scenario.statusOf('applications', prepared.applicationId)).toBe('objection_review');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'public-objection-receipt');
    await page.context().close();
  }, 90_000);
});
