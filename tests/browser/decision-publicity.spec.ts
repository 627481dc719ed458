/// <reference lib="dom" />
import { createTenant, createUser, login, registerApprovedOrganization, Session, UserFixture } from '../support/factories';
import { ApiClient } from '../e2e/scenarios-support/api-client';
import { waitFor } from '../e2e/scenarios-support/scenario-harness';
import { programBodyFrom, readTemplate } from '../e2e/scenarios-support/text-steps';
import { draftAndSchedule, prepareApplication, submit } from '../e2e/scenarios-support/workflow-steps';
import { screenshot, seriousAccessibilityViolations } from './support/browser';
import { signIn, WebHarness } from './support/web-harness';

/**
 * The program officer's decision and publicity screens over Zaozhuang's call of 2022 (its text in force then; fixed
 * amounts, 第五条; 7 calendar days of publicity), prepared through the API with two enterprises whose awards (60 万 and
 * 10 万) exceed the budget of 56 万 (pro rata): the officer decides the second one on the screen, reads the budget
 * rule's effect before applying it, fixes the list, opens the publicity, handles an objection a citizen sent through
 * the public API, hands the program over once the publicity has run out, and reads the policy versions in force.
 */
const TENANT = 'zaozhuang';
const TENANT_NAME = '枣庄市';
const PROGRAM_TITLE = '2022年度枣庄市标准化战略奖励';
const FIRST = '枣庄市中精工机械有限公司';
const SECOND = '滕州市鲁班建材有限公司';

describe('browser: the program officer decides, publicizes and hands over', () => {
  let web: WebHarness;
  let api: ApiClient;
  let officerUser: UserFixture;
  let officer: Session;
  let programId: string;
  let secondApplicationId: string;

  beforeAll(async () => {
    web = await WebHarness.start(new Date('2022-10-09T10:00:00+08:00'));
    const h = web.scenario;
    api = new ApiClient(h.app);
    await createTenant(h.db, { id: TENANT, nameZh: TENANT_NAME, nameEn: 'Zaozhuang', divisionCode: '370400', districts: [{ code: '370402', nameZh: '市中区' }, { code: '370481', nameZh: '滕州市' }] });
    officerUser = await createUser(h.db, { tenantId: TENANT, role: 'program_officer', displayName: '王主管' });
    officer = await login(h.app, officerUser);
    const template = await readTemplate(api, officer, 'zaozhuang-2018');
    const program = await draftAndSchedule(
      api,
      officer,
      programBodyFrom(template, {
        year: 2022,
        title: PROGRAM_TITLE,
        opensAt: '2022-10-10T09:00:00+08:00',
        closesAt: '2022-10-20T17:00:00+08:00',
        call: {
          title: '关于受理2022年度标准化项目奖励申请的通知',
          body: '市标准化主管部门于第四季度受理标准化项目奖励申请（第六条）。',
          materials: { standard: ['标准文本及发布公告'], good_conduct: ['标准化良好行为企业证书'] },
          receivingOffice: '枣庄市市场监督管理局',
        },
        budget: { totalFen: 56_000_000, rule: 'pro_rata', sources: [{ source: 'city', amountFen: 56_000_000 }] },
      }),
    );
    programId = program.id;
    h.setClock('2022-10-10T09:00:30+08:00');
    await waitFor('the call to open', async () => (await h.statusOf('programs', programId)) === 'open');

    h.setClock('2022-10-11T10:00:00+08:00');
    const first = await registerApprovedOrganization(h.app, h.db, { tenantId: TENANT, districtCode: '370402', name: FIRST }, officer);
    const firstDraft = await prepareApplication(api, await login(h.app, first.applicant), programId, {
      achievements: [
        { id: 'a1', type: 'standard', level: 'national', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'GB/T 41801-2022', title: '矿山机械 液压支架 通用技术条件', publishedOn: '2022-03-15' },
        { id: 'a2', type: 'good_conduct', grade: '4A', certifiedOn: '2022-08-08' },
      ],
      evidence: { a1: '标准文本及发布公告', a2: '标准化良好行为企业证书' },
    });
    await submit(api, await login(h.app, first.applicant), firstDraft.applicationId, 'browser-decision-1');
    const second = await registerApprovedOrganization(h.app, h.db, { tenantId: TENANT, districtCode: '370481', name: SECOND }, officer);
    const secondDraft = await prepareApplication(api, await login(h.app, second.applicant), programId, {
      achievements: [{ id: 'g1', type: 'good_conduct', grade: '4A', certifiedOn: '2022-07-01' }],
      evidence: { g1: '标准化良好行为企业证书' },
    });
    await submit(api, await login(h.app, second.applicant), secondDraft.applicationId, 'browser-decision-2');
    secondApplicationId = secondDraft.applicationId;
    for (const id of [firstDraft.applicationId, secondDraft.applicationId]) {
      await api.expect(officer, 200, { method: 'post', path: `/applications/${id}/formal-check`, body: { outcome: 'complete' } });
    }

    h.setClock('2022-10-20T17:00:30+08:00');
    await waitFor('the call to close', async () => (await h.statusOf('programs', programId)) === 'closed');
    h.setClock('2022-10-21T10:00:00+08:00');
    await api.expect(officer, 200, {
      method: 'put',
      path: `/applications/${firstDraft.applicationId}/decision`,
      body: { items: [{ achievementId: 'a1', amountFen: 50_000_000 }, { achievementId: 'a2', amountFen: 10_000_000 }] },
    });
  }, 150_000);
  afterAll(async () => web?.close());

  it('decides on the screen, shows the budget rule before applying it, and fixes the list', async () => {
    const page = await web.page();
    await signIn(page, TENANT_NAME, officerUser.username, officerUser.password);
    await page.goto(`/programs/${programId}/decision`);
    await page.getByRole('heading', { level: 1, name: `资助决定：${PROGRAM_TITLE}` }).waitFor();
    await page.getByRole('heading', { level: 2, name: '待决定的申报（1 件）' }).waitFor();
    expect(await page.locator('#main').innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|awaiting_decision|pro_rata/);

    // The second enterprise: the proposal (the ceiling, 10 万) is filled in; a lower amount needs its reason.
    await page.getByRole('button', { name: `作出决定：${SECOND}` }).click();
    const dialog = page.getByRole('dialog', { name: `资助决定：${SECOND}` });
    const amount = dialog.getByRole('textbox', { name: /：决定金额（元）$/ });
    expect(await amount.inputValue()).toBe('100000.00');
    await amount.fill('50000');
    await dialog.getByRole('button', { name: '提交决定' }).click();
    await dialog.getByText('该项为定额资助，只能是 100,000.00 元或 0').waitFor();
    await amount.fill('100000');
    await dialog.getByRole('button', { name: '提交决定' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await web.scenario.statusOf('applications', secondApplicationId)).toBe('decided');

    // 70 万 decided against a budget of 56 万: the pro-rata effect is shown before anything is applied.
    await page.getByRole('heading', { level: 2, name: '待决定的申报（0 件）' }).waitFor();
    const main = page.locator('#main');
    await main.getByText('拟定资助合计超出预算。应用预算规则后，资助合计为 560,000.00 元').waitFor();
    expect(await main.innerText()).toContain('超出 140,000.00 元');
    const list = page.getByRole('table').filter({ hasText: '预算规则影响' });
    expect(await list.getByRole('row', { name: new RegExp(FIRST) }).innerText()).toContain('核减为 480,000.00 元');
    expect(await list.getByRole('row', { name: new RegExp(SECOND) }).innerText()).toContain('核减为 80,000.00 元');
    expect(await web.scenario.statusOf('programs', programId)).toBe('closed');
    await page.mouse.move(0, 0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'decision');

    await page.getByRole('button', { name: '应用预算规则并确定名单' }).click();
    await page.getByRole('dialog', { name: '确定资助名单' }).getByRole('button', { name: '应用预算规则并确定名单' }).click();
    await main.getByText('预算规则已应用，名单已确定。').waitFor();
    expect(await web.scenario.statusOf('programs', programId)).toBe('decided');
    const [row] = await web.scenario.rows<{ total: string }>(`select decided_total_fen::text as total from applications where id = $1`, [secondApplicationId]);
    expect(row.total).toBe('8000000');
    await page.context().close();
  });

  it('opens the publicity, handles an objection, and hands over once it has run out', async () => {
    const h = web.scenario;
    h.setClock('2022-10-24T09:00:00+08:00');
    const page = await web.page();
    await signIn(page, TENANT_NAME, officerUser.username, officerUser.password);
    await page.goto(`/programs/${programId}/decision`);
    await page.getByRole('link', { name: '公示与移交' }).click();
    await page.getByRole('heading', { level: 1, name: `公示与移交：${PROGRAM_TITLE}` }).waitFor();
    const main = page.locator('#main');
    await main.getByText('将于 2022年10月24日 至 2022年10月30日 公示（共 7 个自然日）。').waitFor();
    await page.getByRole('button', { name: '开始公示' }).click();
    await main.getByText('2022年10月24日 — 2022年10月30日').waitFor();
    expect(await main.innerText()).toContain('还有 7 天（至 2022年10月30日 24 时止）');
    const [publicity] = await h.rows<{ id: string }>(`select id from publicities where program_id = $1`, [programId]);
    await page.mouse.move(0, 0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'publicity');

    // A citizen objects through the public API.
    h.setClock('2022-10-25T10:00:00+08:00');
    await api.expect(null, 201, {
      method: 'post',
      path: `/public/tenants/${TENANT}/publicities/${publicity.id}/objections`,
      body: { applicationId: secondApplicationId, contactName: '张三', contactPhone: '138 0000 0000', reasons: '据了解，该企业的良好行为证书已过有效期，请核实。' },
    });
    expect(await h.statusOf('applications', secondApplicationId)).toBe('objection_review');

    await page.reload();
    await page.getByRole('heading', { level: 2, name: '异议（1 件）' }).waitFor();
    expect(await main.innerText()).toContain('共 1 件，待处理 1 件');
    await page.getByRole('button', { name: '处理异议：张三' }).click();
    const dialog = page.getByRole('dialog', { name: `处理异议：${SECOND}` });
    await dialog.getByText('据了解，该企业的良好行为证书已过有效期，请核实。').waitFor();
    await dialog.getByRole('button', { name: '提交处理结果' }).click();
    await dialog.getByText('请选择核查结论').waitFor();
    await dialog.getByLabel('异议不成立').check();
    await dialog.getByLabel('核查情况及理由').fill('经核查，该企业证书在有效期内（2022年7月1日颁发），异议不成立。');
    // The answered message fades out: axe reads its half-transparent text as low contrast until it is gone.
    await dialog.getByText('请选择核查结论').waitFor({ state: 'detached' });
    await page.mouse.move(0, 0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'objections');
    await dialog.getByRole('button', { name: '提交处理结果' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await main.getByText('共 1 件，待处理 0 件').waitFor();
    const [objection] = await h.rows<{ status: string }>(`select status from objections`);
    expect(objection.status).toBe('dismissed');
    expect(await h.statusOf('applications', secondApplicationId)).toBe('in_publicity');
    expect(await page.getByRole('button', { name: '移交财政' }).isDisabled()).toBe(true);

    // The publicity runs out; the approved list appears and the program goes to finance.
    h.setClock('2022-10-31T00:00:05+08:00');
    await waitFor('the publicity to close', async () => (await h.statusOf('publicities', publicity.id)) === 'closed');
    await waitFor('the program to be publicized', async () => (await h.statusOf('programs', programId)) === 'publicized');
    await h.letWorkerCatchUp(TENANT);
    h.setClock('2022-11-01T10:00:00+08:00');
    await page.reload();
    await main.getByText('合计 560,000.00 元').waitFor();
    await page.getByRole('button', { name: '移交财政' }).click();
    const confirm = page.getByRole('dialog', { name: '确认移交财政' });
    await confirm.getByText('将批准名单（2 个单位，合计 560,000.00 元）连同项目预算 560,000.00 元移交财政部门').waitFor();
    await confirm.getByRole('button', { name: '移交财政' }).click();
    await main.getByText('本项目已移交财政。').waitFor();
    expect(await h.statusOf('programs', programId)).toBe('handed_over');
    await page.context().close();
  });

  it('lists the policy versions in force with their items, amounts in yuan and articles', async () => {
    const page = await web.page();
    await signIn(page, TENANT_NAME, officerUser.username, officerUser.password);
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '政策版本' }).click();
    await page.getByRole('heading', { level: 1, name: '政策版本' }).waitFor();
    const card = page.locator('.ant-card').filter({ has: page.getByRole('heading', { level: 2 }) }).first();
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('现行有效');
    expect(text).toContain('2018年12月1日');
    expect(text).toContain('2023年11月30日');
    expect(text).toMatch(/第[一二三四五六七八九十]+条/);
    expect(text).toContain('500,000.00');
    expect(await page.locator('#main').innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|zaozhuang/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'policies');
    await page.context().close();
  });
});
