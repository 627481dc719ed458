/// <reference lib="dom" />
import { Page } from 'playwright-core';
import { createUser, UserFixture } from '../support/factories';
import { screenshot } from './support/browser';
import { chooseOption, WebHarness } from './support/web-harness';
import { handOverToFinance, prepareProgramInPublicity, PreparedProgram, PROGRAM_TITLE, TENANT, ZAOZHUANG_START } from './support/zaozhuang-program';

/**
 * The product in English: after 中文/English is switched to English, the main screens (sign-in, workbench, programs,
 * a program and its applications, an application, finance, the public notice) show no Chinese in their own words:
 * headings, menu, breadcrumb, tabs, table headers, form labels, buttons, tags and descriptions' labels. Data people
 * entered (an organization's or a program's name, the text's articles) stays as written, and a control that names
 * the other language in that language (中文, marked lang="zh-CN") is the switch itself; both are left out.
 */
describe('browser: the main screens in English', () => {
  let web: WebHarness;
  let prepared: PreparedProgram;
  let officer: UserFixture;
  const data: string[] = [];

  beforeAll(async () => {
    web = await WebHarness.start(ZAOZHUANG_START);
    prepared = await prepareProgramInPublicity(web);
    await handOverToFinance(web, prepared);
    web.scenario.setClock('2022-11-02T10:00:00+08:00');
    officer = await createUser(web.scenario.db, { tenantId: TENANT, role: 'program_officer', displayName: 'Wang Wei' });
    // What people wrote, shown as written: names, titles, the call, the text's articles and the policy's own words.
    const files = await web.scenario.rows<{ original_name: string }>(`select original_name from evidence_files where application_id = $1`, [prepared.applicationId]);
    data.push(PROGRAM_TITLE, prepared.org.organization.name, '枣庄市', '市中区', '滕州市', ...files.map((f) => f.original_name));
    expect(files.length).toBeGreaterThan(0);
  }, 180_000);
  afterAll(async () => web?.close());

  /**
   * The words of the screen's own chrome that still contain Han characters, after the data above is taken out:
   * empty when the screen is in English.
   */
  async function chineseChrome(page: Page): Promise<string[]> {
    await page.waitForLoadState('networkidle');
    const texts = await page.evaluate(() => {
      const selectors = [
        'h1', 'h2', 'h3', 'h4', 'nav a', '.ant-menu-item', '.ant-breadcrumb', '.ant-tabs-tab', 'th', 'label', '.ant-form-item-label',
        'button', '.ant-btn', '.ant-tag', '.ant-descriptions-item-label', '.ant-card-head-title', '.ant-steps-item-title', '.ant-pagination-total-text', '.ant-empty-description',
      ];
      const found: string[] = [];
      for (const element of Array.from(document.querySelectorAll<HTMLElement>(selectors.join(',')))) {
        // The language switch names Chinese in Chinese, marked as such.
        if (element.closest('[lang="zh-CN"]') && element.closest('[lang="zh-CN"]') !== document.documentElement) continue;
        if (element.closest('[aria-hidden="true"], .ant-table-measure-row')) continue;
        const text = (element.innerText ?? '').trim();
        if (text) found.push(text);
      }
      return found;
    });
    const stripped = texts.map((text) => data.filter(Boolean).reduce((rest, value) => rest.split(value).join(''), text));
    // Article references quoted from the Chinese text of the policy (第六条, 第二条第（一）项) are the law's own words.
    return [...new Set(stripped.map((text) => text.replace(/第[一二三四五六七八九十百]+条(第（[一二三四五六七八九十]+）[项款])?/g, '')).filter((text) => /\p{Script=Han}/u.test(text)))];
  }

  async function expectEnglish(page: Page, name: string): Promise<void> {
    expect({ screen: name, chinese: await chineseChrome(page) }).toEqual({ screen: name, chinese: [] });
    await screenshot(page, `english-${name}`);
  }

  async function signInInEnglish(page: Page, user: { username: string; password: string }): Promise<void> {
    await page.goto('/login');
    await page.getByRole('heading', { name: 'Standardization Subsidy Hub' }).waitFor();
    await chooseOption(page, 'Government', 'Zaozhuang');
    await page.getByLabel('Username').fill(user.username);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  it('switches to English on the sign-in page, and the officer’s screens follow', async () => {
    const page = await web.page();
    try {
      await page.goto('/login');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Standardization Subsidy Hub' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await expectEnglish(page, 'login');

      await signInInEnglish(page, officer);
      const menu = page.getByRole('navigation', { name: 'Main menu' });
      await menu.getByRole('link', { name: 'Workbench' }).waitFor();
      await expectEnglish(page, 'workbench');

      await menu.getByRole('link', { name: 'Programs' }).click();
      await page.getByRole('heading', { level: 1, name: 'Programs' }).waitFor();
      await page.getByRole('row', { name: new RegExp(PROGRAM_TITLE) }).waitFor();
      await expectEnglish(page, 'programs');

      await page.getByRole('link', { name: PROGRAM_TITLE }).click();
      await page.getByRole('tab', { name: 'Overview' }).waitFor();
      await expectEnglish(page, 'program');
      await page.getByRole('tab', { name: 'Applications' }).click();
      const row = page.getByRole('row', { name: new RegExp(prepared.org.organization.name) });
      await row.waitFor();
      await expectEnglish(page, 'program-applications');

      await row.getByRole('link', { name: prepared.org.organization.name }).click();
      await page.getByRole('heading', { level: 1, name: prepared.org.organization.name }).waitFor();
      await expectEnglish(page, 'application');
      // Every step of its history and trail has words (a value the screen does not know would read "Other").
      expect(await page.getByRole('cell', { name: 'Other', exact: true }).count()).toBe(0);
    } finally {
      await page.context().close();
    }
  });

  it('shows finance and the public notice in English', async () => {
    const page = await web.page();
    try {
      await page.goto('/login');
      await page.getByRole('button', { name: 'English' }).click();
      await signInInEnglish(page, prepared.financeUser);
      const menu = page.getByRole('navigation', { name: 'Main menu' });
      await menu.getByRole('link', { name: 'Programs handed over' }).click();
      await page.getByRole('heading', { level: 1, name: 'Programs handed over' }).waitFor();
      await page.getByRole('row', { name: new RegExp(PROGRAM_TITLE) }).waitFor();
      await expectEnglish(page, 'finance-programs');
      await page.getByRole('row', { name: new RegExp(PROGRAM_TITLE) }).getByRole('link', { name: PROGRAM_TITLE, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: PROGRAM_TITLE }).waitFor();
      await expectEnglish(page, 'finance-program');

      await page.goto(`/public/${TENANT}/publicities/${prepared.publicityId}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await expectEnglish(page, 'public-notice');
    } finally {
      await page.context().close();
    }
  });
});
