/// <reference lib="dom" />
import { Page } from 'playwright-core';
import { createTenant, createUser, TenantFixture, UserFixture } from '../support/factories';
import { screenshot, seriousAccessibilityViolations } from './support/browser';
import { signIn, WebHarness } from './support/web-harness';

/**
 * 用户管理 in the browser: the tenant administrator's server-paged list of the staff (roles and districts in Chinese,
 * status in words), 新增用户 with the role in Chinese and the district the role needs, the API's refusal for the
 * segregation of duties shown beside the e-mail field, and 停用 with a reason. Only the tenant administrator has the menu.
 */
describe('browser: the tenant administrator manages staff accounts', () => {
  let web: WebHarness;
  let tenant: TenantFixture;
  let admin: UserFixture;
  let officer: UserFixture;
  let expert: UserFixture;

  beforeAll(async () => {
    web = await WebHarness.start(new Date('2026-03-02T09:00:00+08:00'), { worker: false });
    tenant = await createTenant(web.scenario.db, { nameZh: '用户管理测试市', nameEn: 'Accounts Test City', districts: [{ code: '370102', nameZh: '历下区' }] });
    admin = await createUser(web.scenario.db, { tenantId: tenant.id, role: 'tenant_admin', displayName: '李管理', email: 'li.admin@example.gov.cn' });
    officer = await createUser(web.scenario.db, { tenantId: tenant.id, role: 'program_officer', displayName: '王主管', email: 'wang.zhuguan@example.gov.cn' });
    expert = await createUser(web.scenario.db, { tenantId: tenant.id, role: 'expert', displayName: '赵专家', email: 'zhao.expert@example.org' });
  }, 120_000);
  afterAll(async () => web?.close());

  async function expectAccessible(page: Page, name: string): Promise<void> {
    await page.mouse.move(0, 0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, name);
  }

  const menu = (page: Page) => page.getByRole('navigation', { name: '主菜单' });

  it('lists the staff with Chinese roles and status, creates an account, refuses a second duty beside the e-mail, deactivates with a reason', async () => {
    const page = await web.page();
    try {
      await signIn(page, '用户管理测试市', admin.username, admin.password);
      await menu(page).getByRole('link', { name: '用户管理' }).click();
      await page.getByRole('heading', { level: 1, name: '用户管理' }).waitFor();
      const officerRow = page.getByRole('row', { name: /王主管/ });
      await officerRow.waitFor();
      expect(await officerRow.innerText()).toContain('项目主管');
      expect(await officerRow.innerText()).toContain('启用');
      // The administrator's own account (and any administrator's) is the platform administrator's to manage.
      expect(await page.getByRole('row', { name: /李管理/ }).getByRole('button').count()).toBe(0);
      await expectAccessible(page, 'admin-users-list');

      // 新增用户: the program officer's e-mail for a finance account: the API refuses (segregation of duties), beside the field.
      await page.getByRole('button', { name: '新增用户' }).click();
      const dialog = page.getByRole('dialog', { name: '新增用户' });
      await dialog.getByLabel('姓名').fill('王主管');
      await dialog.getByLabel('用户名').fill('wang.caiwu');
      await dialog.getByLabel('电子邮箱').fill('wang.zhuguan@example.gov.cn');
      await dialog.getByLabel('财政人员').check();
      await dialog.getByLabel('市级').check();
      await expectAccessible(page, 'admin-users-create');
      await dialog.getByRole('button', { name: '创建账号' }).click();
      const emailItem = dialog.locator('.ant-form-item', { has: page.getByLabel('电子邮箱') });
      await emailItem.getByText('此人已承担不相容的职责').waitFor();
      expect(await emailItem.getAttribute('class')).toContain('ant-form-item-has-error');

      // A district reviewer: the district the role needs, then the account in the list with the district's name.
      await dialog.getByLabel('姓名').fill('孙审核');
      await dialog.getByLabel('用户名').fill('sun.shenhe');
      await dialog.getByLabel('电子邮箱').fill('sun.shenhe@example.gov.cn');
      await dialog.getByLabel('区级审核员').check();
      await dialog.getByLabel('区县代码').fill('370102');
      await dialog.getByRole('button', { name: '创建账号' }).click();
      await page.getByText(/已创建“孙审核”的账号，设置密码的链接已发送至 sun\.shenhe@example\.gov\.cn/).waitFor();
      const created = page.getByRole('row', { name: /孙审核/ });
      await created.waitFor();
      expect(await created.innerText()).toMatch(/区级审核员[\s\S]*历下区[\s\S]*启用/);
      const [row] = await web.scenario.rows<{ role: string; district_code: string; password_hash: string | null }>(
        `select role, district_code, password_hash from users where tenant_id = $1 and username = 'sun.shenhe'`,
        [tenant.id],
      );
      expect(row).toEqual({ role: 'district_reviewer', district_code: '370102', password_hash: null });

      // 停用 with a reason: the row says 已停用 in words and offers 重新启用.
      const expertRow = page.getByRole('row', { name: /赵专家/ });
      await expertRow.getByRole('button', { name: '停用：赵专家' }).click();
      const stop = page.getByRole('dialog', { name: '停用账号' });
      await stop.getByLabel('原因（记入审计日志）').fill('评审专家聘期届满');
      await stop.getByRole('button', { name: '确认停用' }).click();
      await expertRow.getByText('已停用').waitFor();
      await expertRow.getByRole('button', { name: '重新启用：赵专家' }).waitFor();
      const audit = await web.scenario.rows<{ reason: string }>(`select reason from audit_log where action = 'user.deactivated' and entity_id = $1`, [expert.id]);
      expect(audit).toEqual([{ reason: '评审专家聘期届满' }]);

      // The status filter, kept in the URL.
      await page.getByRole('search').getByRole('combobox', { name: '状态' }).click();
      await page.locator('.ant-select-item-option:visible', { hasText: '已停用' }).click();
      await page.getByRole('button', { name: /^查\s*询$/ }).click();
      await page.waitForURL(/active=false/);
      await page.getByRole('row', { name: /王主管/ }).waitFor({ state: 'detached' });
      // The filter's option list has closed (its listbox is not part of the screen being checked).
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
      await expertRow.waitFor();
      expect(await page.getByRole('row', { name: /孙审核/ }).count()).toBe(0);
      await expectAccessible(page, 'admin-users-filtered');
    } finally {
      await page.context().close();
    }
  });

  it('shows the menu entry to the tenant administrator only', async () => {
    const page = await web.page();
    try {
      await signIn(page, '用户管理测试市', officer.username, officer.password);
      await menu(page).getByRole('link', { name: '工作台' }).waitFor();
      expect(await menu(page).getByRole('link', { name: '用户管理' }).count()).toBe(0);
    } finally {
      await page.context().close();
    }
  });
});
