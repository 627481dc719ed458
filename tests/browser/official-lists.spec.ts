/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { createTenant, createUser, login, registerOrganization, Session, UserFixture } from '../support/factories';
import { ApiClient } from '../e2e/scenarios-support/api-client';
import { screenshot, seriousAccessibilityViolations } from './support/browser';
import { chooseOption, signIn, WebHarness } from './support/web-harness';

/**
 * 免申即享 in the browser (issue 12): a Zhengzhou program officer imports the 2022 粮油 leader list of seed 002
 * (tests/fixtures/official-lists/grain-oil-leaders-2022.csv, as the e2e test does): the preview of a faulty file names
 * its bad row by number; the real file's preview shows the columns found and the first rows; the import runs as the
 * harness's real worker's job and the page follows it to its counts; 中粮（郑州）, registered under its full-width name,
 * is matched on rows 22 and 23; the near miss (a 有限责任公司) is decided in the review queue, with its reason.
 */
const FIXTURE = readFileSync(join(__dirname, '../fixtures/official-lists/grain-oil-leaders-2022.csv'));
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('browser: official lists imported, matched and reviewed by the program officer', () => {
  let web: WebHarness;
  let officerUser: UserFixture;
  let officer: Session;
  let api: ApiClient;
  let page: Page;

  beforeAll(async () => {
    web = await WebHarness.start(new Date('2026-11-23T09:00:00+08:00'));
    await createTenant(web.scenario.db, { id: 'zhengzhou', divisionCode: '410100', nameZh: '郑州市', districts: [{ code: '410102', nameZh: '中原区' }] });
    officerUser = await createUser(web.scenario.db, { tenantId: 'zhengzhou', role: 'program_officer', displayName: '王主管' });
    // Registered through the product under the full-width name; and a near miss differing only in its legal form.
    await registerOrganization(web.scenario.app, { tenantId: 'zhengzhou', districtCode: '410102', name: '中粮（郑州）粮油工业有限公司' });
    await registerOrganization(web.scenario.app, { tenantId: 'zhengzhou', districtCode: '410102', name: '益海嘉里（安阳）食品工业有限责任公司' });
    // 山东鲁花集团有限公司 is on five rows of the list; this one is a 有限责任公司: five more entries to review.
    await registerOrganization(web.scenario.app, { tenantId: 'zhengzhou', districtCode: '410102', name: '山东鲁花集团有限责任公司' });
    api = new ApiClient(web.scenario.app);
    officer = await login(web.scenario.app, officerUser);
    page = await web.page();
    await signIn(page, '郑州市', officerUser.username, officerUser.password);
  }, 120_000);

  afterAll(async () => {
    await page?.context().close();
    await web?.close();
  });

  async function expectAccessible(name: string): Promise<void> {
    await page.mouse.move(0, 0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await page.locator('body').innerText()).not.toMatch(UUID);
    await screenshot(page, name);
  }

  async function chooseFile(name: string, bytes: Buffer): Promise<void> {
    await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
  }

  it('opens the lists from the menu, with the import and the review queue at hand', async () => {
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '免申即享名单' }).click();
    await page.getByRole('heading', { level: 1, name: '免申即享名单' }).waitFor();
    await page.getByRole('button', { name: /待核对（0）/ }).waitFor();
    await expectAccessible('official-lists-empty');
  });

  it('previews a faulty file: its unreadable row by number and why', async () => {
    await page.getByRole('button', { name: /导入名单/ }).click();
    await page.getByRole('heading', { level: 1, name: '导入名单' }).waitFor();
    await chooseOption(page, '名单类型', '企业标准领跑者名单');
    // axe judges the page at rest: the options list closed.
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    const faulty = Buffer.from('产品类别,序号,企业名称,企业标准编号,标准名称\n粳米,1,中粮米业(吉林)有限公司,Q/JLZL 0001S-2022,大米\n,2,松原粮食集团有限公司,,圆粒香大米\n', 'utf8');
    await chooseFile('有误的名单.csv', faulty);
    const rejected = page.getByRole('row', { name: /松原粮食集团有限公司/ });
    await rejected.waitFor();
    expect(await rejected.innerText()).toMatch(/^3\s+企业标准编号为空/);
    await expectAccessible('official-lists-preview-faulty');
  });

  it('previews the 2022 粮油 list: the columns found, the first rows with their groups carried down', async () => {
    await chooseFile('2022年粮油产品企业标准领跑者名单.csv', FIXTURE);
    await page.getByRole('heading', { name: '前 20 条（按解析结果，空白单元格已按上一行补齐）' }).waitFor();
    const mapping = page.getByRole('region', { name: '列对应关系表' });
    for (const header of ['产品类别', '序号', '企业名称', '企业标准编号', '标准名称', '评估机构']) await mapping.getByRole('cell', { name: header, exact: true }).first().waitFor();
    expect(await page.getByRole('row', { name: /松原粮食集团有限公司/ }).innerText()).toMatch(/^5\s+粳米\s+2\s+松原粮食集团有限公司/);
    expect(await page.getByText('第 3 行', { exact: true }).count()).toBe(1);
    await expectAccessible('official-lists-preview');
  });

  it('imports it and follows the job to its counts: 中粮（郑州） matched on rows 22 and 23', async () => {
    await page.getByRole('button', { name: /确认导入/ }).click();
    // The fields the import needs are asked for beside themselves.
    await page.locator('.ant-form-item-explain-error', { hasText: '请填写名单标题' }).waitFor();
    await page.getByLabel('名单标题').fill('2022年粮油产品企业标准“领跑者”名单');
    const date = page.getByLabel('名单发布日期', { exact: true });
    await date.click();
    await date.fill('2022-10-12');
    await date.press('Tab');
    await page.getByLabel('发布机关及文号').fill('国家粮食和物资储备局 2022年10月12日通知');
    await page.getByRole('button', { name: /确认导入/ }).click();

    await page.getByRole('heading', { level: 1, name: '2022年粮油产品企业标准“领跑者”名单' }).waitFor();
    await page.getByRole('status').filter({ hasText: '已处理 69 / 69 条' }).waitFor({ timeout: 60_000 });
    await page.locator('.ant-tag', { hasText: '已完成' }).waitFor({ timeout: 30_000 });
    const stat = async (title: string) => (await page.locator('.ant-statistic', { hasText: title }).locator('.ant-statistic-content').innerText()).trim();
    expect([await stat('读取行数'), await stat('已匹配'), await stat('待核对'), await stat('未注册'), await stat('无法读取')]).toEqual(['69', '2', '6', '61', '0']);

    const matched = page.getByRole('tabpanel').getByRole('row', { name: /中粮（郑州）粮油工业有限公司/ });
    await matched.first().waitFor();
    expect(await matched.count()).toBe(2);
    expect(await matched.nth(0).innerText()).toMatch(/^22\s+中粮\(郑州\)粮油工业有限公司\s+中粮（郑州）粮油工业有限公司\s+名称一致/);
    expect(await matched.nth(0).innerText()).toContain('Q/ZLLG 0006S-2022');
    expect(await matched.nth(1).innerText()).toContain('Q/ZLLG 0007S-2022');
    await expectAccessible('official-lists-import-done');

    await page.getByRole('tab', { name: '待核对（6）' }).click();
    await page.getByRole('tabpanel').getByRole('row', { name: /益海嘉里\(安阳\)食品工业有限公司/ }).waitFor();
    await expectAccessible('official-lists-import-review-tab');
    await page.getByRole('tab', { name: '未注册（61）' }).click();
    await page.getByRole('tabpanel').getByRole('row', { name: /松原粮食集团有限公司/ }).waitFor();
    await expectAccessible('official-lists-import-unregistered-tab');
  });

  it('decides the near miss in the review queue: the candidate, its reason, and the officer’s own', async () => {
    await page.getByRole('link', { name: '返回名单列表' }).click();
    await page.getByRole('heading', { level: 1, name: '免申即享名单' }).waitFor();
    const imported = page.getByRole('row').filter({ hasText: '2022年粮油产品企业标准' });
    await imported.waitFor();
    expect(await imported.innerText()).toContain('企业标准领跑者名单');
    expect(await imported.innerText()).toContain('2022年10月12日');
    await expectAccessible('official-lists-list');

    await page.getByRole('button', { name: /待核对（6）/ }).click();
    await page.getByRole('heading', { level: 1, name: '名单待核对' }).waitFor();
    const entry = page.getByRole('row', { name: /益海嘉里\(安阳\)食品工业有限公司/ });
    await entry.waitFor();
    expect(await entry.innerText()).toContain('益海嘉里（安阳）食品工业有限责任公司：名称仅组织形式不同');
    await expectAccessible('official-lists-review-queue');

    await entry.getByRole('button', { name: /核对第 26 行/ }).click();
    const dialog = page.getByRole('dialog', { name: '核对名单条目' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: /确认认定/ }).click();
    await dialog.locator('.ant-form-item-explain-error', { hasText: '请选择对应的单位' }).waitFor();
    await dialog.locator('.ant-form-item-explain-error', { hasText: '请填写认定理由' }).waitFor();
    await expectAccessible('official-lists-resolve');
    await dialog.getByRole('radio', { name: /益海嘉里（安阳）食品工业有限责任公司/ }).check();
    await dialog.getByLabel('认定理由').fill('经核对营业执照，系同一企业（2023年改制）');
    await dialog.getByRole('button', { name: /确认认定/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await entry.waitFor({ state: 'detached' });

    const [decided] = await web.scenario.rows<{ status: string; match_method: string }>(`select status, match_method from official_list_rows where party_name = '益海嘉里(安阳)食品工业有限公司'`);
    expect(decided).toEqual({ status: 'matched', match_method: 'officer' });
  });

  it('says so when another officer decided the entry first, and changes nothing', async () => {
    const luhua = page.getByRole('row', { name: /山东鲁花集团有限公司/ }).first();
    await luhua.getByRole('button', { name: /核对第 \d+ 行/ }).click();
    const dialog = page.getByRole('dialog', { name: '核对名单条目' });
    await dialog.waitFor();
    const rowNumber = Number((await dialog.locator('.ant-descriptions-item', { hasText: '行号' }).locator('.ant-descriptions-item-content').innerText()).trim());
    await dialog.getByRole('radio', { name: /均不是本地区的单位/ }).check();
    await dialog.getByLabel('认定理由').fill('名单所列为山东鲁花集团有限公司，非本单位');
    // Meanwhile a colleague dismisses the same entry.
    const [row] = await web.scenario.rows<{ id: string }>(`select id from official_list_rows where row_number = $1 and status = 'review'`, [rowNumber]);
    await api.expect(officer, 200, { method: 'post', path: `/official-lists/rows/${row.id}/resolve`, body: { reject: true, reason: '同事已核对' } });
    await dialog.getByRole('button', { name: /确认认定/ }).click();
    await dialog.getByRole('alert').filter({ hasText: '该条目已处理，不能再次认定' }).waitFor();
    await expectAccessible('official-lists-resolve-conflict');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    // The queue behind the dialog caught up: four entries of 鲁花 are left.
    await page.getByRole('button', { name: `核对第 ${rowNumber} 行：山东鲁花集团有限公司` }).waitFor({ state: 'detached' });
    expect(await page.getByRole('row', { name: /山东鲁花集团有限公司/ }).count()).toBe(4);
    const [after] = await web.scenario.rows<{ status: string; resolution_note: string }>(`select status, resolution_note from official_list_rows where id = $1`, [row.id]);
    expect(after).toEqual({ status: 'dismissed', resolution_note: '同事已核对' });
  });

  it('says it all in English too: the kind, the status and the counts', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Official lists' }).click();
    await page.getByRole('heading', { level: 1, name: 'Official lists' }).waitFor();
    await page.getByRole('button', { name: /To review \(4\)/ }).waitFor();
    const imported = page.getByRole('row').filter({ hasText: '2022年粮油产品企业标准' });
    await imported.getByText('Enterprise standard leader list').waitFor();
    expect(await imported.innerText()).toMatch(/2022-10-12\s+Completed\s+69\s+3\s+4\s+61\s+0/);
    await expectAccessible('official-lists-english');
  });
});
