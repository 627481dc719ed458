/// <reference lib="dom" />
import { Page } from 'playwright-core';
import { createTenant } from '../support/factories';
import { screenshot, seriousAccessibilityViolations } from './support/browser';
import { WebHarness } from './support/web-harness';

/**
 * A list wider than the screen (a phone, a zoomed-in window) scrolls sideways inside its table; keyboard users must
 * reach that scroll too (WCAG 2.1.1, axe `scrollable-region-focusable`): the table's scroll container takes a tab stop
 * and names itself after the list, and the arrow keys scroll it. Shown on the public publicity list (components/ListPage),
 * which anyone may open, empty (no link or button in its rows to carry the focus instead).
 */
describe('browser: a list wider than the screen scrolls by keyboard', () => {
  const TENANT = 'zaozhuang';
  let web: WebHarness;

  beforeAll(async () => {
    web = await WebHarness.start(new Date('2026-03-02T09:00:00+08:00'), { worker: false });
    await createTenant(web.scenario.db, { id: TENANT, nameZh: '枣庄市', nameEn: 'Zaozhuang', divisionCode: '370400', districts: [{ code: '370402', nameZh: '市中区' }] });
  }, 120_000);
  afterAll(async () => web?.close());

  /** axe's one rule on scrollable regions, whatever the impact it gives. */
  async function scrollRegionViolations(page: Page): Promise<unknown[]> {
    await seriousAccessibilityViolations(page); // loads axe into the page
    return page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'rule', values: ['scrollable-region-focusable'] }, resultTypes: ['violations'] });
      return result.violations;
    });
  }

  it('gives the table\'s sideways scroll a named tab stop that the arrow keys scroll, and axe finds no unreachable region', async () => {
    const page = await web.page();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/public/${TENANT}`);
    await page.getByRole('heading', { name: /枣庄市/ }).first().waitFor();
    const region = page.getByRole('region', { name: /表格，可用方向键左右滚动/ });
    await region.waitFor();
    // It really is wider than the screen here, so the scroll matters.
    expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    expect(await region.getAttribute('tabindex')).toBe('0');
    await region.focus();
    expect(await region.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((element) => (element as HTMLElement).scrollLeft > 0, await region.elementHandle());
    expect(await scrollRegionViolations(page)).toEqual([]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'list-narrow-screen');
    await page.context().close();
  }, 90_000);
});
