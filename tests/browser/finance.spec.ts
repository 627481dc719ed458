/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { screenshot, seriousAccessibilityViolations } from './support/browser';
import { signIn, WebHarness } from './support/web-harness';
import { handOverToFinance, prepareProgramInPublicity, PreparedProgram, PROGRAM_TITLE, TENANT_NAME, ZAOZHUANG_START } from './support/zaozhuang-program';

/**
 * The finance officer's screens over a program handed over through the API (Zaozhuang 2022, the city paying every award,
 * 第二条): the officer confirms the handed-over budget, takes the list in, approves the city's shares, makes a payment
 * batch, downloads the treasury sheet, confirms a line paid, and reads the report's chart and the paid amount in yuan.
 */
describe('browser: the finance officer', () => {
  let web: WebHarness;
  let prepared: PreparedProgram;

  beforeAll(async () => {
    web = await WebHarness.start(ZAOZHUANG_START);
    prepared = await prepareProgramInPublicity(web);
    await handOverToFinance(web, prepared);
    web.scenario.setClock('2022-11-02T10:00:00+08:00');
  }, 150_000);
  afterAll(async () => web?.close());

  it('confirms the budget, takes the list in, approves, pays a line through a batch, and reads the report', async () => {
    const page = await web.page();
    await signIn(page, TENANT_NAME, prepared.financeUser.username, prepared.financeUser.password);
    const menu = page.getByRole('navigation', { name: '主菜单' });
    await menu.getByRole('link', { name: '已移交项目' }).click();
    await page.getByRole('heading', { level: 1, name: '已移交项目' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(PROGRAM_TITLE) });
    await row.waitFor();
    expect(await row.innerText()).toContain('3,000,000.00');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'finance-programs');

    // The program's page: the handed-over budget, pre-filled; a changed figure needs a reason, said beside the field.
    await row.getByRole('link', { name: PROGRAM_TITLE, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: PROGRAM_TITLE }).waitFor();
    await page.getByText('项目主管部门移交的预算').waitFor();
    await page.getByLabel('调整为其他金额').check();
    await page.getByLabel('调整后的市级预算（元）').fill('2800000');
    await page.getByRole('button', { name: '确认预算' }).click();
    await page.locator('.ant-form-item', { has: page.getByLabel('调整理由') }).getByText('调整预算须写明理由').waitFor();
    await page.getByLabel('按移交金额确认').check();
    await page.getByRole('button', { name: '确认预算' }).click();
    await page.getByText('预算已确认：3,000,000.00 元').waitFor();
    const [budget] = await web.scenario.rows<{ action: string }>(`select action from audit_log where action like 'finance.handed-over-budget%'`);
    expect(budget.action).toBe('finance.handed-over-budget-confirmed');

    await page.getByRole('button', { name: '接收资助名单' }).click();
    await page.getByRole('heading', { level: 3, name: '市级财政：2 项，合计 600,000.00 元' }).waitFor();
    await page.mouse.move(0, 0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'finance-program');

    await page.getByRole('button', { name: '全部批准（市级财政）' }).click();
    await page.getByText('已批准 600,000.00 元').waitFor();
    const statuses = await web.scenario.rows<{ status: string }>(`select status from finance_shares`);
    expect(statuses.map((s) => s.status)).toEqual(['approved', 'approved']);

    await page.getByRole('button', { name: '生成支付批次（市级财政）' }).click();
    await page.waitForURL(/\/finance\/batches\//);
    await page.getByRole('heading', { level: 1, name: `支付批次：${PROGRAM_TITLE}（市级财政）` }).waitFor();
    const lines = page.getByRole('table').filter({ hasText: '收款单位' }).locator('tbody tr.ant-table-row');
    await lines.first().waitFor();
    expect(await lines.count()).toBe(2);
    const firstLine = await lines.first().innerText();
    expect(firstLine).toContain('1605001109200123456');
    const amount = /(500,000\.00|100,000\.00)/.exec(firstLine)?.[1];
    expect(amount).toBeDefined();
    await page.mouse.move(0, 0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'finance-batch');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载国库支付清单（Excel）' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(readFileSync((await download.path())!).subarray(0, 2).toString('latin1')).toBe('PK');

    await page.getByRole('button', { name: '确认已支付：序号 1' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('银行回单号（或退票通知编号）').fill('ZZCZ-20221102-001');
    await dialog.getByRole('button', { name: /^确\s*认$/ }).click();
    await lines.first().getByText('已支付', { exact: true }).waitFor();
    expect(await lines.first().innerText()).toContain('ZZCZ-20221102-001');
    expect(await lines.nth(1).innerText()).toContain('待银行确认');

    // Back on the program, its batches are listed with what has been paid of each.
    await page.getByRole('link', { name: '返回项目' }).click();
    const batchRow = page.getByRole('table').filter({ hasText: '生成时间' }).locator('tbody tr.ant-table-row');
    await batchRow.first().waitFor();
    expect(await batchRow.count()).toBe(1);
    expect(await batchRow.first().innerText()).toContain(`市级财政\t2\t600,000.00\t${amount}`);

    await menu.getByRole('link', { name: '财务报表' }).click();
    await page.getByRole('heading', { level: 1, name: '财务报表' }).waitFor();
    await page.getByTestId('finance-chart').locator('.recharts-bar-rectangle').first().waitFor();
    const table = page.getByRole('table').filter({ hasText: '付款方' });
    const cityRow = table.getByRole('row', { name: /市级财政/ });
    await cityRow.waitFor();
    const cells = await cityRow.locator('td').allInnerTexts();
    // 项目, 付款方, 预算, 可用预算, 已承诺, 已批准, 已支付, 待支付 …
    expect(cells.slice(0, 8)).toEqual([PROGRAM_TITLE, '市级财政', '3,000,000.00', '2,400,000.00', '600,000.00', '600,000.00', amount, amount === '500,000.00' ? '100,000.00' : '500,000.00']);
    await page.mouse.move(0, 0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'finance-report');
    const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `导出 Excel：${PROGRAM_TITLE}` }).click()]);
    expect(report.suggestedFilename()).toMatch(/\.xlsx$/);

    // The program office claims 50,000 yuan back (through the API); finance records 20,000 yuan received.
    await prepared.api.expect(prepared.officer, 201, {
      method: 'post',
      path: '/finance/clawbacks',
      body: { applicationId: prepared.applicationId, reasonKind: 'unfinished_contract', reason: '未按约定完成标准宣贯任务', amountFen: 5_000_000, foundOn: '2022-11-02' },
      headers: { 'Idempotency-Key': 'browser-zz-clawback' },
    });
    await menu.getByRole('link', { name: '追回款' }).click();
    await page.getByRole('heading', { level: 1, name: '追回款' }).waitFor();
    const claim = page.getByRole('table').locator('tbody tr.ant-table-row').first();
    await claim.waitFor();
    expect(await claim.innerText()).toContain('未完成约定任务');
    expect(await claim.innerText()).toContain('50,000.00');
    await claim.getByRole('button', { name: /登记收回/ }).click();
    const recovery = page.getByRole('dialog');
    await recovery.getByLabel('本次收回金额（元）').fill('60000');
    await recovery.getByRole('button', { name: /^登\s*记$/ }).click();
    await recovery.getByText('请输入金额（元），最多两位小数，且不超过未收回金额 50,000.00 元').waitFor();
    await recovery.getByLabel('本次收回金额（元）').fill('20000');
    await recovery.getByRole('button', { name: /^登\s*记$/ }).click();
    await page.getByText('已登记收回 20,000.00 元').waitFor();
    await claim.getByText('30,000.00').waitFor();
    await page.mouse.move(0, 0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'finance-clawbacks');
    await page.context().close();
  }, 150_000);
});
