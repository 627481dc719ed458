/// <reference lib="dom" />
import { Workbook } from 'exceljs';
import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';
import { createApplication, createOrganization, createProgram, createTenant, createUser, nationalStandardLead, UserFixture } from '../support/factories';
import { screenshot, seriousAccessibilityViolations } from './support/browser';
import { chooseOption, signIn, WebHarness } from './support/web-harness';

/**
 * The program officer's bulk actions on a program's applications tab: select rows, 批量分配 the pending district
 * reviews to one reviewer with one reason (each application reassigned and audited on its own; a row at another stage
 * reported with its reason), and 导出所选 as the API's xlsx with Chinese headers and yuan amounts.
 */
describe('browser: bulk assign and export on a program’s applications', () => {
  const TENANT = 'weihai';
  let web: WebHarness;
  let officer: UserFixture;
  let reviewer: UserFixture;
  let programId: string;
  const ids: Record<string, string> = {};
  const ORGS = { a: '威海环翠甲标准化有限公司', b: '威海环翠乙精密有限公司', c: '威海环翠丙形式审查有限公司' };

  beforeAll(async () => {
    web = await WebHarness.start(new Date('2024-05-10T09:00:00+08:00'), { worker: false });
    const db = web.scenario.db;
    await createTenant(db, { id: TENANT, nameZh: '威海市', divisionCode: '371000', districts: [{ code: '371002', nameZh: '环翠区' }] });
    officer = await createUser(db, { tenantId: TENANT, role: 'program_officer', displayName: '王主管' });
    await createUser(db, { tenantId: TENANT, role: 'district_reviewer', districtCode: '371002', displayName: '环翠区审核员' });
    reviewer = await createUser(db, { tenantId: TENANT, role: 'district_reviewer', districtCode: '371002', displayName: '环翠区审核员（二）' });
    programId = (await createProgram(db, { tenantId: TENANT, policyId: 'weihai-2020', title: '2024年度威海市标准化资助资金' })).id;
    for (const [key, name] of Object.entries(ORGS)) {
      const org = await createOrganization(db, { tenantId: TENANT, districtCode: '371002', name });
      const status = key === 'c' ? 'formal_check' : 'district_review';
      ids[key] = (await createApplication(db, { tenantId: TENANT, programId, organizationId: org.id, districtCode: '371002', status, stageDueOn: '2024-05-24', achievements: [nationalStandardLead('a1')] })).id;
    }
    await web.scenario.rows(`update applications set estimate_total_fen = 28500000 where id = $1`, [ids.a]);
  }, 120_000);
  afterAll(async () => web?.close());

  async function expectAccessible(page: Page, name: string): Promise<void> {
    await page.mouse.move(0, 0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, name);
  }

  const select = async (page: Page, org: string) => page.getByRole('row', { name: new RegExp(org) }).getByRole('checkbox').check();

  it('assigns the selected district reviews to one reviewer, reporting the row at another stage, and exports the selection', async () => {
    const page = await web.page();
    try {
      await signIn(page, '威海市', officer.username, officer.password);
      await page.goto(`/programs/${programId}`);
      await page.getByRole('tab', { name: '申报' }).click();
      await page.getByRole('row', { name: new RegExp(ORGS.c) }).waitFor();
      for (const org of Object.values(ORGS)) await select(page, org);
      await page.getByText('已选 3 项').waitFor();
      await expectAccessible(page, 'program-bulk-selected');

      await page.getByRole('button', { name: '批量分配' }).click();
      const dialog = page.getByRole('dialog', { name: '批量分配审查任务' });
      await dialog.getByText('另有 1 件不在可分配的环节').waitFor();
      await dialog.getByLabel('分配原因').fill('原审核员外出培训');
      await expectAccessible(page, 'program-bulk-assign');
      await chooseOption(page, '分配给', '环翠区审核员（二）');
      await dialog.getByRole('button', { name: '确认分配' }).click();
      await dialog.getByText('分配结果：成功 2 件，未分配 1 件').waitFor();
      const refused = dialog.getByRole('listitem').filter({ hasText: ORGS.c });
      expect(await refused.innerText()).toContain('只有待办的区县初审或技术审查可以改派');
      await expectAccessible(page, 'program-bulk-assign-result');
      const assigned = await web.scenario.rows<{ id: string; review_assignee_id: string | null }>(`select id, review_assignee_id from applications where program_id = $1`, [programId]);
      expect(Object.fromEntries(assigned.map((r) => [r.id, r.review_assignee_id]))).toEqual({ [ids.a]: reviewer.id, [ids.b]: reviewer.id, [ids.c]: null });
      const audits = await web.scenario.rows<{ entity_id: string; reason: string }>(`select entity_id, reason from audit_log where action = 'application.review-reassigned' order by entity_id`);
      expect(audits).toEqual([ids.a, ids.b].sort().map((id) => ({ entity_id: id, reason: '原审核员外出培训' })));
      await dialog.getByRole('button', { name: '关 闭' }).or(dialog.getByRole('button', { name: '关闭' })).first().click();

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出所选' }).click()]);
      expect(download.suggestedFilename()).toBe('2024年度威海市标准化资助资金申报清单.xlsx');
      const workbook = new Workbook();
      await workbook.xlsx.load(readFileSync((await download.path())!));
      // Cells 1..5 of each row, an empty cell (no amount yet) as null.
      const rows = workbook.worksheets[0].getSheetValues().filter(Boolean).map((row) => Array.from({ length: 5 }, (_, i) => (row as unknown[])[i + 1] ?? null));
      expect(rows[0]).toEqual(['申报单位', '所属区县', '所处环节', '本环节截止日期', '测算金额（元）']);
      expect(rows.slice(1).sort()).toEqual(
        [
          [ORGS.a, '环翠区', '区县初审中', '2024-05-24', 285000],
          [ORGS.b, '环翠区', '区县初审中', '2024-05-24', null],
          [ORGS.c, '环翠区', '形式审查中', '2024-05-24', null],
        ].sort(),
      );
    } finally {
      await page.context().close();
    }
  });
});
