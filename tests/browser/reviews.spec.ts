/// <reference lib="dom" />
import { Page } from 'playwright-core';
import { createTenant, createUser, login, makeUscc, registerApprovedOrganization, Session, UserFixture } from '../support/factories';
import { ApiClient } from '../e2e/scenarios-support/api-client';
import { waitFor } from '../e2e/scenarios-support/scenario-harness';
import { programBodyFrom, readTemplate } from '../e2e/scenarios-support/text-steps';
import { draftAndSchedule, prepareApplication, submit } from '../e2e/scenarios-support/workflow-steps';
import { screenshot, seriousAccessibilityViolations } from './support/browser';
import { chooseOption, signIn, WebHarness } from './support/web-harness';

/**
 * The review stages in the browser on Weihai's text (weihai-2020, in force 2020-01-01..2024-12-31; 第二十一条、第二十二条:
 * the district pre-reviews first, then the city's formal check, then the experts), on a manual clock in 2023: the
 * district reviewer's queue with the stage's due date (逾期 once it has passed), the application beside its documents
 * and the pre-review form; the officer's formal check; an expert's 回避声明 before the documents open, then the rubric
 * with each criterion's full marks and each item's ceiling, refused above them, and the score sheet submitted.
 */
describe('browser: the review stages (district pre-review, formal check, expert scoring)', () => {
  const TENANT = 'weihai';
  const ORG = '威海环翠海洋装备科技有限公司';
  let web: WebHarness;
  let api: ApiClient;
  let officerUser: UserFixture;
  let officer: Session;
  let reviewerUser: UserFixture;
  let experts: UserFixture[];
  let secondReviewer: UserFixture;
  let applicationId: string;
  let secondApplicationId: string;
  let stageDueOn: string;

  beforeAll(async () => {
    web = await WebHarness.start(new Date('2023-02-13T10:00:00+08:00'));
    api = new ApiClient(web.scenario.app);
    await createTenant(web.scenario.db, { id: TENANT, nameZh: '威海市', divisionCode: '371000', districts: [{ code: '371002', nameZh: '环翠区' }] });
    officerUser = await createUser(web.scenario.db, { tenantId: TENANT, role: 'program_officer', displayName: '王主管' });
    officer = await login(web.scenario.app, officerUser);
    reviewerUser = await createUser(web.scenario.db, { tenantId: TENANT, role: 'district_reviewer', districtCode: '371002', displayName: '环翠区审核员' });
    const reviewer = await login(web.scenario.app, reviewerUser);
    secondReviewer = await createUser(web.scenario.db, { tenantId: TENANT, role: 'district_reviewer', districtCode: '371002', displayName: '环翠区审核员（二）' });
    experts = [];
    for (let i = 0; i < 3; i++) experts.push(await createUser(web.scenario.db, { tenantId: TENANT, role: 'expert', displayName: `威海市标准化专家${i + 1}` }));

    const template = await readTemplate(api, officer, 'weihai-2020');
    const program = await draftAndSchedule(
      api,
      officer,
      programBodyFrom(template, {
        year: 2023,
        title: '2023年度威海市标准化资助资金',
        opensAt: '2023-03-06T09:00:00+08:00',
        closesAt: '2023-04-28T17:00:00+08:00',
        call: { title: '关于开展2023年度威海市标准化资助资金申请评估工作的通知', body: '申请材料报项目所在地区市标准化行政主管部门初审（第二十一条）。', materials: { standard: ['批准发布公告及标准文本'] } },
        budget: { totalFen: 200_000_000, rule: 'pro_rata', sources: [{ source: 'city', amountFen: 100_000_000 }, { source: 'district:371002', amountFen: 100_000_000 }] },
      }),
    );
    web.scenario.setClock('2023-03-06T09:00:30+08:00');
    await waitFor('the round to open', async () => (await web.scenario.statusOf('programs', program.id)) === 'open');
    web.scenario.setClock('2023-03-20T10:00:00+08:00');
    const org = await registerApprovedOrganization(web.scenario.app, web.scenario.db, { tenantId: TENANT, districtCode: '371002', name: ORG }, reviewer);
    const applicant = await login(web.scenario.app, org.applicant);
    const drafted = await prepareApplication(api, applicant, program.id, {
      achievements: [
        { id: 'a1', type: 'standard', level: 'national', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'GB/T 42160-2022', title: '海洋工程装备 系泊链检验规范', publishedOn: '2022-08-01' },
        { id: 'a2', type: 'standard', level: 'industry', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'CB/T 4510-2023', publishedOn: '2023-01-10' },
      ],
      evidence: { a1: '批准发布公告及标准文本', a2: '批准发布公告及标准文本' },
    });
    const submitted = await submit(api, applicant, drafted.applicationId, 'reviews-browser-submit');
    expect(submitted.status).toBe('district_review');
    applicationId = drafted.applicationId;
    stageDueOn = submitted.stageDueOn as string;
    // 10 working days from 2023-03-20 (the product's default; the text sets none).
    expect(stageDueOn).toBe('2023-04-03');

    // A second enterprise's application, waiting at the district too: the officer reassigns it.
    const other = await registerApprovedOrganization(web.scenario.app, web.scenario.db, { tenantId: TENANT, districtCode: '371002', name: '威海环翠精密机械有限公司' }, reviewer);
    const otherApplicant = await login(web.scenario.app, other.applicant);
    const second = await prepareApplication(api, otherApplicant, program.id, {
      achievements: [{ id: 'b1', type: 'standard', level: 'provincial_local', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'DB37/T 4401-2022', publishedOn: '2022-05-01' }],
      evidence: { b1: '批准发布公告及标准文本' },
    });
    expect((await submit(api, otherApplicant, second.applicationId, 'reviews-browser-submit-2')).status).toBe('district_review');
    secondApplicationId = second.applicationId;
  }, 150_000);

  afterAll(async () => {
    await web?.close();
  });

  async function expectAccessible(page: Page, name: string): Promise<void> {
    await page.mouse.move(0, 0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, name);
  }

  /** antd's button-style radios hide the input; people click the visible button. */
  async function chooseRadio(page: Page, text: string): Promise<void> {
    await page.locator('label.ant-radio-button-wrapper', { hasText: text }).click();
  }

  async function openQueue(page: Page): Promise<void> {
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '待审队列' }).click();
    await page.getByRole('heading', { level: 1, name: '待审队列' }).waitFor();
  }

  it('the district reviewer sees the application in the queue with its due date, overdue in words, opens it beside its documents and passes it', async () => {
    // The day after the due date: the queue says 逾期 beside the date, not by colour alone.
    web.scenario.setClock('2023-04-04T10:00:00+08:00');
    const page = await web.page();
    try {
      await signIn(page, '威海市', reviewerUser.username, reviewerUser.password);
      await openQueue(page);
      const row = page.getByRole('row', { name: new RegExp(ORG) });
      await row.waitFor();
      await row.getByText('2023年4月3日（逾期）').waitFor();
      expect(await row.innerText()).toContain('区级初审');
      await expectAccessible(page, 'reviews-queue');

      await row.getByRole('link', { name: ORG }).click();
      await page.getByRole('heading', { level: 1, name: ORG }).waitFor();
      await page.getByRole('heading', { level: 2, name: '区级初审' }).waitFor();
      // The engine's ceilings beside the items (第六条: national standard ≤ 50 万).
      await page.getByRole('cell', { name: '500,000.00' }).first().waitFor();
      await page.getByRole('button', { name: /查看文件 批准发布公告及标准文本/ }).first().click();
      const frame = page.locator('iframe[title^="预览"]');
      await frame.waitFor();
      expect(await frame.getAttribute('src')).toMatch(/^blob:/);
      await expectAccessible(page, 'reviews-district');

      // Returning needs an opinion: the form says so beside the field, nothing is sent.
      await chooseRadio(page, '退回补正');
      await page.getByRole('button', { name: /提交初审意见/ }).click();
      await page.getByText('退回或不予通过须填写意见').waitFor();
      expect(await web.scenario.statusOf('applications', applicationId)).toBe('district_review');

      await chooseRadio(page, '初审通过并报送');
      await page.getByLabel('标准制修订 GB/T 42160-2022 的意见').fill('原件已核，牵头起草属实');
      await page.getByLabel('初审意见', { exact: true }).fill('材料齐全，同意报送市局');
      await page.getByRole('button', { name: /提交初审意见/ }).click();
      await page.getByRole('heading', { level: 1, name: '待审队列' }).waitFor();
      await waitFor('the application to reach the formal check', async () => (await web.scenario.statusOf('applications', applicationId)) === 'formal_check');
      const [step] = await web.scenario.rows<{ reasons: string[] }>(`select reasons from review_steps where application_id = $1 and stage = 'district_review'`, [applicationId]);
      expect(step.reasons).toEqual(['材料齐全，同意报送市局', '标准制修订 GB/T 42160-2022：原件已核，牵头起草属实']);
    } finally {
      await page.context().close();
    }
  }, 180_000);

  it('the program officer finds it in the formal-check queue and passes it to the experts', async () => {
    const page = await web.page();
    try {
      await signIn(page, '威海市', officerUser.username, officerUser.password);
      await openQueue(page);
      const row = page.getByRole('row', { name: new RegExp(ORG) });
      await row.waitFor();
      expect(await row.innerText()).toContain('形式审查');
      await row.getByRole('link', { name: ORG }).click();
      await page.getByRole('heading', { level: 2, name: '形式审查' }).waitFor();
      await page.getByText('材料齐全', { exact: true }).waitFor();
      await page.getByRole('cell', { name: '初审通过并报送' }).waitFor();
      await expectAccessible(page, 'reviews-formal');

      // Rejecting needs a reason the applicant can read.
      await chooseRadio(page, '不予受理');
      await page.getByRole('button', { name: /提交审查结论/ }).click();
      await page.getByText('不予受理须填写理由').waitFor();
      await chooseRadio(page, '审查通过');
      await page.getByRole('button', { name: /提交审查结论/ }).click();
      await page.getByRole('heading', { level: 1, name: '待审队列' }).waitFor();
      await waitFor('the application to reach the experts', async () => (await web.scenario.statusOf('applications', applicationId)) === 'expert_review');
    } finally {
      await page.context().close();
    }
  }, 180_000);

  it('the program officer reassigns a waiting district review to a named reviewer, with a reason', async () => {
    const page = await web.page();
    try {
      await signIn(page, '威海市', officerUser.username, officerUser.password);
      await page.goto('/reviews?stage=district_review');
      await page.getByRole('heading', { level: 1, name: '待审队列' }).waitFor();
      const row = page.getByRole('row', { name: /威海环翠精密机械有限公司/ });
      await row.waitFor();
      await row.getByRole('link', { name: '威海环翠精密机械有限公司' }).click();
      await page.getByRole('heading', { level: 2, name: '区级初审：转派或代为审查' }).waitFor();
      await page.getByRole('tab', { name: '转派' }).waitFor();
      await page.getByRole('button', { name: /确认转派/ }).click();
      await page.getByText('请选择审核人员').waitFor();
      await page.getByText('请填写转派原因').waitFor();
      await expectAccessible(page, 'reviews-reassign');
      await chooseOption(page, '转派给', '环翠区审核员（二）');
      await page.getByLabel('转派原因').fill('原审核人员休假，本环节临近截止');
      await page.getByRole('button', { name: /确认转派/ }).click();
      await page.getByRole('heading', { level: 1, name: '待审队列' }).waitFor();
      await waitFor('the review to be reassigned', async () => {
        const [row2] = await web.scenario.rows<{ review_assignee_id: string | null }>(`select review_assignee_id from applications where id = $1`, [secondApplicationId]);
        return row2?.review_assignee_id === secondReviewer.id;
      });
      const [audit] = await web.scenario.rows<{ reason: string }>(`select reason from audit_log where entity_id = $1 and action = 'application.review-reassigned'`, [secondApplicationId]);
      expect(audit?.reason).toBe('原审核人员休假，本环节临近截止');
    } finally {
      await page.context().close();
    }
  }, 180_000);

  it('an expert declares no conflict before the documents open, then scores within each full mark and ceiling', async () => {
    for (const expert of experts) {
      await api.expect(officer, 200, { method: 'put', path: `/experts/${expert.id}/profile`, body: { field: '标准化', affiliatedUsccs: [makeUscc({ division: '370200' })], active: true } });
    }
    await api.expect(officer, 201, { method: 'post', path: `/applications/${applicationId}/panel` });
    const [seat] = await web.scenario.rows<{ expert_id: string }>(`select expert_id from panel_members where application_id = $1 and status = 'invited' order by expert_id limit 1`, [applicationId]);
    const expert = experts.find((e) => e.id === seat.expert_id) as UserFixture;
    const session = await login(web.scenario.app, expert);
    const [assignment] = await api.expect<{ items: Array<{ rubric: Array<{ key: string; label: string; maxPoints: number }>; items: Array<{ achievementId: string; ceilingFen: number }> }> }>(session, 200, {
      method: 'get',
      path: '/experts/me/assignments',
    }).then((body) => body.items);
    const [first, ...others] = assignment.rubric;

    const page = await web.page();
    try {
      await signIn(page, '威海市', expert.username, expert.password);
      await openQueue(page);
      const row = page.getByRole('row', { name: new RegExp(ORG) });
      await row.waitFor();
      expect(await row.innerText()).toContain('待评分');
      await expectAccessible(page, 'reviews-expert-queue');
      await row.getByRole('link', { name: ORG }).click();

      // The declaration comes first: no document, no score sheet yet.
      await page.getByRole('heading', { level: 2, name: '回避声明' }).waitFor();
      expect(await page.getByRole('heading', { name: '证明材料' }).count()).toBe(0);
      expect(await page.getByRole('heading', { name: '专家评分' }).count()).toBe(0);
      await expectAccessible(page, 'reviews-expert-declaration');
      await page.getByRole('button', { name: /确认声明/ }).click();
      await page.getByText('请勾选承诺').waitFor();
      await page.getByRole('checkbox', { name: /本人承诺如实声明/ }).check();
      await page.getByRole('button', { name: /确认声明/ }).click();

      await page.getByRole('heading', { level: 2, name: '专家评分' }).waitFor();
      await page.getByRole('heading', { name: '证明材料' }).waitFor();
      // The API holds the declaration (who and when), so it holds on any device; the documents open because of it.
      const declared = await web.scenario.rows<{ expert_id: string }>(`select expert_id from expert_declarations where application_id = $1`, [applicationId]);
      expect(declared).toEqual([{ expert_id: expert.id }]);
      const max = (hundredths: number) => String(hundredths / 100);
      const firstInput = page.getByLabel(`${first.label}（满分 ${max(first.maxPoints)} 分）`);
      await firstInput.fill(String(first.maxPoints / 100 + 1));
      await firstInput.blur();
      await page.getByText(`不能超过满分 ${max(first.maxPoints)} 分`).waitFor();
      await firstInput.fill(max(first.maxPoints - 150));
      for (const criterion of others) await page.getByLabel(`${criterion.label}（满分 ${max(criterion.maxPoints)} 分）`).fill(max(criterion.maxPoints - 200));

      // a1's ceiling is 50 万 (第六条): 600,000 is refused beside the field.
      const a1 = page.getByLabel('标准制修订 GB/T 42160-2022 建议金额（元）');
      await page.getByText('上限 500,000.00 元').waitFor();
      await a1.fill('600000');
      await a1.blur();
      await page.getByText('不能超过上限 500,000.00 元').waitFor();
      await expectAccessible(page, 'reviews-expert');
      await a1.fill('450000');
      await page.getByLabel('标准制修订 CB/T 4510-2023 建议金额（元）').fill('180000');
      await page.getByLabel('评审意见').fill('项目先进性、创新性材料充分');
      await page.getByRole('button', { name: /提交评分/ }).click();
      await page.getByRole('heading', { level: 1, name: '待审队列' }).waitFor();

      const [scored] = await web.scenario.rows<{ status: string; score_total: number; score_sheet: { amounts: Record<string, number> } }>(
        `select status, score_total, score_sheet from panel_members where application_id = $1 and expert_id = $2`,
        [applicationId, expert.id],
      );
      const expectedTotal = first.maxPoints - 150 + others.reduce((sum, c) => sum + c.maxPoints - 200, 0);
      expect(scored).toMatchObject({ status: 'scored', score_total: expectedTotal, score_sheet: { amounts: { a1: 45_000_000, a2: 18_000_000 } } });
      await page.getByRole('row', { name: new RegExp(ORG) }).getByText('已评分').waitFor();
    } finally {
      await page.context().close();
    }
  }, 180_000);
});
