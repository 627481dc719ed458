/// <reference lib="dom" />
import { createTenant, createUser, TenantFixture, UserFixture } from '../support/factories';
import { screenshot, seriousAccessibilityViolations } from './support/browser';
import { chooseOption, signIn, WebHarness } from './support/web-harness';

/**
 * The application's frame, served by the API from the built dist/web: sign-in by the government's Chinese name,
 * client routes falling back to index.html while /api and /health stay the API's, language and 大字 switches,
 * and an accessibility check of each screen.
 */
describe('browser: sign-in and the application frame', () => {
  let web: WebHarness;
  let tenant: TenantFixture;
  let officer: UserFixture;

  beforeAll(async () => {
    web = await WebHarness.start(new Date('2026-03-02T09:00:00+08:00'), { worker: false });
    tenant = await createTenant(web.scenario.db, { nameZh: '浏览器测试市', nameEn: 'Browser Test City' });
    officer = await createUser(web.scenario.db, { tenantId: tenant.id, role: 'program_officer', displayName: '王主管' });
  });
  afterAll(async () => web?.close());

  it('serves the application at / and at client routes, and leaves /api and /health to the API', async () => {
    const home = await fetch(`${web.baseURL}/programs/some/where`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toMatch(/text\/html/);
    expect(await home.text()).toContain('<div id="root"></div>');
    const unknownApi = await fetch(`${web.baseURL}/api/v1/no-such-thing`);
    expect(unknownApi.status).toBe(404);
    expect(unknownApi.headers.get('content-type')).toMatch(/application\/json/);
    const health = await fetch(`${web.baseURL}/health`);
    expect(health.headers.get('content-type')).toMatch(/application\/json/);
  });

  it('signs in by choosing the government by its Chinese name, and has no serious accessibility problem', async () => {
    const page = await web.page();
    await page.goto('/');
    await page.waitForURL(/\/login\?next=/);
    await page.getByRole('heading', { name: '标准化资助管理平台' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'login');
    await signIn(page, '浏览器测试市', officer.username, officer.password);
    await page.getByText('王主管（项目主管）').waitFor();
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '工作台' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('refuses a wrong password with the API’s Chinese message beside the form', async () => {
    const page = await web.page();
    await page.goto('/login');
    await chooseOption(page, '所属地区', '浏览器');
    await page.getByLabel('用户名').fill(officer.username);
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: /^登\s*录$/ }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/[\u4e00-\u9fff]/);
    expect(page.url()).toContain('/login');
    await page.context().close();
  });

  it('switches to English and to large text, and remembers both', async () => {
    const page = await web.page();
    await signIn(page, '浏览器测试市', officer.username, officer.password);
    const before = await page.getByText('王主管（项目主管）').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    await page.getByRole('switch', { name: '大字模式' }).click();
    const after = await page.getByText('王主管（项目主管）').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    expect(after).toBeGreaterThan(before);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Workbench' }).first().waitFor();
    await page.reload();
    await page.getByText('王主管 (Program officer)').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.context().close();
  });
});
