import { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { ScenarioHarness } from '../../e2e/scenarios-support/scenario-harness';
import { launchBrowser, newPage } from './browser';

/** The built application the API will serve: WEB_DIR as the API reads it (default dist/web, which npm test builds). */
const WEB_DIR = process.env.WEB_DIR ?? 'dist/web';
const BUILT_WEB = join(isAbsolute(WEB_DIR) ? WEB_DIR : join(__dirname, '..', '..', '..', WEB_DIR), 'index.html');

/**
 * One browser test's world: the real API (serving the built web application from dist/web, as `npm run demo` does)
 * and the real worker on one manual clock and a fresh database, listening on a free port of 127.0.0.1, and Chromium.
 */
export class WebHarness {
  private constructor(
    readonly scenario: ScenarioHarness,
    readonly baseURL: string,
    readonly browser: Browser,
  ) {}

  static async start(clockStart: Date, options: { worker?: boolean; smtpUrl?: string } = {}): Promise<WebHarness> {
    if (!existsSync(BUILT_WEB)) throw new Error(`no built web application at ${BUILT_WEB}: run \`npm run build\` first (npm test does)`);
    const scenario = await ScenarioHarness.start(clockStart, { smtpUrl: options.smtpUrl });
    if (options.worker !== false) await scenario.startWorker();
    await scenario.app.listen(0, '127.0.0.1');
    const { port } = scenario.app.getHttpServer().address() as AddressInfo;
    const browser = await launchBrowser();
    return new WebHarness(scenario, `http://127.0.0.1:${port}`, browser);
  }

  page(): Promise<Page> {
    return newPage(this.browser, this.baseURL);
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.scenario.close();
  }
}

/**
 * Chooses an option of an antd Select by typing its visible words and pressing Enter, as a keyboard user does (antd's
 * own accessible listbox is off-screen; the visible list is what people click).
 */
export async function chooseOption(page: Page, label: string, text: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.click();
  await field.fill(text);
  await page.locator('.ant-select-item-option:visible', { hasText: text }).first().waitFor();
  await field.press('Enter');
}

/** Signs in through the sign-in page, choosing the government by its Chinese name. */
export async function signIn(page: Page, tenantNameZh: string, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await chooseOption(page, '所属地区', tenantNameZh);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
