/// <reference lib="dom" />
import { Page } from 'playwright-core';
import { ApiClient } from '../e2e/scenarios-support/api-client';
import { createApplication, createOrganization, createProgram, createTenant, createUser, login, nationalStandardLead, reviewSettings, UserFixture } from '../support/factories';
import { screenshot, seriousAccessibilityViolations } from './support/browser';
import { signIn, WebHarness } from './support/web-harness';

/**
 * The technical review in the browser (reviews page, technical stage): the technical reviewer's queue, the application
 * beside its documents, and the per-item opinions: 支持 with a comment, 核减 with an amount that must stay below the
 * engine's ceiling shown beside the item (refused beside the field above it), then saved and the review completed.
 */
describe('browser: the technical review form (per-item opinions)', () => {
  const TENANT = 'weihai';
  const ORG = '威海环翠标准化技术有限公司';
  let web: WebHarness;
  let reviewer: UserFixture;
  let applicationId: string;
  const ceilings: Record<string, number> = {};

  beforeAll(async () => {
    web = await WebHarness.start(new Date('2024-05-10T09:00:00+08:00'), { worker: false });
    await createTenant(web.scenario.db, { id: TENANT, nameZh: '威海市', divisionCode: '371000', districts: [{ code: '371002', nameZh: '环翠区' }] });
    const officer = await createUser(web.scenario.db, { tenantId: TENANT, role: 'program_officer' });
    reviewer = await createUser(web.scenario.db, { tenantId: TENANT, role: 'technical_reviewer', displayName: '技术审查员甲' });
    const program = await createProgram(web.scenario.db, {
      tenantId: TENANT,
      policyId: 'weihai-2020',
      title: '2024年度威海市标准化资助资金',
      review: reviewSettings({ stages: { formal_check: false, district_review: false, technical_review: true, expert_review: false } }),
    });
    const org = await createOrganization(web.scenario.db, { tenantId: TENANT, districtCode: '371002', name: ORG });
    applicationId = (
      await createApplication(web.scenario.db, {
        tenantId: TENANT,
        programId: program.id,
        organizationId: org.id,
        districtCode: '371002',
        status: 'technical_review',
        stageDueOn: '2024-05-24',
        achievements: [nationalStandardLead('a1', '2023-06-01'), { ...nationalStandardLead('a2', '2023-08-01'), standardNo: 'GB/T 40777-2023' }],
      })
    ).id;
    // The engine's ceilings, read as the officer would: the form must show these and keep a reduction below them.
    const estimate = await new ApiClient(web.scenario.app).expect<{ items: Array<{ achievementId: string; amountFen: number }> }>(await login(web.scenario.app, officer), 200, {
      method: 'get',
      path: `/applications/${applicationId}/estimate`,
    });
    for (const item of estimate.items) ceilings[item.achievementId] = item.amountFen;
    expect(ceilings.a2).toBeGreaterThan(100);
  }, 120_000);
  afterAll(async () => web?.close());

  async function expectAccessible(page: Page, name: string): Promise<void> {
    await page.mouse.move(0, 0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, name);
  }

  /** Integer fen as the form shows yuan: "285,000.00" (no floating point). */
  const yuan = (fen: number) => {
    const digits = String(fen).padStart(3, '0');
    return `${digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${digits.slice(-2)}`;
  };

  it('records support and a reduction below the ceiling per item, refusing one at the ceiling beside the field, and completes', async () => {
    const page = await web.page();
    try {
      await signIn(page, '威海市', reviewer.username, reviewer.password);
      await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '待审队列' }).click();
      const row = page.getByRole('row', { name: new RegExp(ORG) });
      await row.waitFor();
      expect(await row.innerText()).toContain('技术审查');
      await row.getByRole('link', { name: ORG }).click();
      await page.getByRole('heading', { level: 2, name: '技术审查' }).waitFor();

      const first = page.locator('.ant-card-type-inner', { has: page.getByRole('heading', { level: 3, name: /GB\/T 40001-2023/ }) });
      const second = page.locator('.ant-card-type-inner', { has: page.getByRole('heading', { level: 3, name: /GB\/T 40777-2023/ }) });
      await first.getByText(`测算上限：${yuan(ceilings.a1)} 元`).first().waitFor();
      await second.getByText(`测算上限：${yuan(ceilings.a2)} 元`).first().waitFor();
      await expectAccessible(page, 'technical-review-form');

      await first.getByLabel('审查说明').fill('标准已发布实施，牵头起草属实');
      await second.getByText('核减', { exact: true }).click();
      const amount = second.getByLabel('核减后金额（元）');
      // At the ceiling is no reduction: refused beside the field, nothing sent.
      await amount.fill(yuan(ceilings.a2).replace(/,/g, ''));
      await second.getByLabel('审查说明').fill('起草单位排名材料不全，核减');
      await page.getByRole('button', { name: '保存意见并完成技术审查' }).click();
      await second.getByText(`核减后的金额须低于上限 ${yuan(ceilings.a2)} 元`).waitFor();
      expect(await web.scenario.rows(`select 1 from item_opinions where application_id = $1`, [applicationId])).toEqual([]);
      await expectAccessible(page, 'technical-review-refused');

      const reduced = Math.floor(ceilings.a2 / 2);
      await amount.fill(yuan(reduced));
      await page.getByRole('button', { name: '保存意见并完成技术审查' }).click();
      await page.getByText('技术审查已完成').waitFor();
      await page.waitForURL((url) => url.pathname === '/reviews');

      const opinions = await web.scenario.rows<{ achievement_id: string; opinion: string; amount_fen: string; comment: string }>(
        `select achievement_id, opinion, amount_fen::text, comment from item_opinions where application_id = $1 and stage = 'technical_review' order by achievement_id`,
        [applicationId],
      );
      expect(opinions).toEqual([
        { achievement_id: 'a1', opinion: 'support', amount_fen: String(ceilings.a1), comment: '标准已发布实施，牵头起草属实' },
        { achievement_id: 'a2', opinion: 'reduce', amount_fen: String(reduced), comment: '起草单位排名材料不全，核减' },
      ]);
      expect(await web.scenario.statusOf('applications', applicationId)).not.toBe('technical_review');
    } finally {
      await page.context().close();
    }
  });
});
