/// <reference lib="dom" />
import { approveRegistration, createTenant, createUser, login, makeUscc, Session } from '../support/factories';
import { ApiClient, pdfBytes } from '../e2e/scenarios-support/api-client';
import { waitFor } from '../e2e/scenarios-support/scenario-harness';
import { programBodyFrom, readTemplate } from '../e2e/scenarios-support/text-steps';
import { draftAndSchedule } from '../e2e/scenarios-support/workflow-steps';
import { screenshot, seriousAccessibilityViolations } from './support/browser';
import { chooseOption, signIn, WebHarness } from './support/web-harness';

/**
 * The applicant's way through the browser, on Beijing's text (《实施首都标准化战略补助资金管理办法》, in force from
 * 2020-02-25): a new enterprise registers itself with its credit code checked as typed, the district approves it (over
 * the API), it signs in, starts an application to the open 2024 call, claims a national standard through the form the
 * achievement schema generates, uploads the material the call requires, reads the estimate with its article, accepts
 * the declaration and submits: the application is then in the formal check. Each screen passes axe and is
 * photographed.
 */
describe('browser: an applicant registers, drafts, uploads, reads the estimate and submits', () => {
  const TENANT = 'beijing';
  let web: WebHarness;
  let api: ApiClient;
  let officer: Session;
  let programId: string;
  let applicationId: string | undefined;
  const uscc = makeUscc({ division: '110108' });
  const account = { username: `haidian.${Date.now().toString(36)}`, password: 'Kexin-2024-biaozhun' };

  beforeAll(async () => {
    web = await WebHarness.start(new Date('2024-03-11T10:00:00+08:00'));
    api = new ApiClient(web.scenario.app);
    await createTenant(web.scenario.db, {
      id: TENANT,
      nameZh: '北京市',
      nameEn: 'Beijing',
      divisionCode: '110000',
      districts: [
        { code: '110108', nameZh: '海淀区' },
        { code: '110105', nameZh: '朝阳区' },
      ],
    });
    officer = await login(web.scenario.app, await createUser(web.scenario.db, { tenantId: TENANT, role: 'program_officer' }));
    const template = await readTemplate(api, officer, 'beijing-2020');
    const program = await draftAndSchedule(
      api,
      officer,
      programBodyFrom(template, {
        year: 2024,
        title: '2024年度首都标准化战略补助资金',
        opensAt: '2024-04-08T09:00:00+08:00',
        closesAt: '2024-05-31T17:00:00+08:00',
        call: {
          title: '关于组织申报2024年度首都标准化战略补助资金项目的通知',
          body: '标准制修订补助的申请时间、具体要求与受理机构以本通知为准。',
          materials: { standard: ['标准文本及发布公告'] },
          receivingOffice: '北京市市场监督管理局',
        },
        budget: { totalFen: 1_000_000_000, rule: 'pro_rata', sources: [{ source: 'city', amountFen: 1_000_000_000 }] },
      }),
    );
    programId = program.id;
    web.scenario.setClock('2024-04-08T09:00:30+08:00');
    await waitFor('the call to open', async () => (await web.scenario.statusOf('programs', programId)) === 'open');
    web.scenario.setClock('2024-04-15T10:00:00+08:00');
  }, 120_000);

  afterAll(async () => web?.close());

  it('registers the enterprise on /register, checking the credit code as it is typed', async () => {
    const page = await web.page();
    await page.goto('/login');
    await page.getByRole('link', { name: '企业、机构注册' }).click();
    await page.getByRole('heading', { name: '申报单位注册' }).waitFor();
    await chooseOption(page, '所属地区', '北京市');
    await page.getByLabel('单位名称').fill('北京海淀智联标准技术有限公司');
    const wrong = `${uscc.slice(0, 17)}${uscc[17] === '0' ? '1' : '0'}`;
    await page.getByLabel('统一社会信用代码').fill(wrong);
    await page.getByText('第 18 位（校验码）不正确，请核对营业执照').waitFor();
    await page.getByLabel('统一社会信用代码').fill(uscc);
    await page.getByText('统一社会信用代码格式和校验码正确').waitFor();
    // The district is chosen from the tenant's own list (public districts endpoint), by the credit code's division.
    await page.locator('.ant-form-item').filter({ has: page.getByLabel('所在区县', { exact: true }) }).getByTitle('海淀区').waitFor();
    await page.getByLabel('联系人姓名').fill('李明');
    await page.getByLabel('电子邮箱').fill('li.ming@example.cn');
    await page.getByLabel('登录用户名').fill(account.username);
    await page.getByLabel('登录密码').fill(account.password);
    await page.getByLabel('确认密码').fill(account.password);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'applicant-register');
    await page.getByRole('button', { name: '提交注册' }).click();
    await page.getByRole('heading', { name: '注册已提交，等待区县审核' }).waitFor();
    expect(await page.getByRole('status').innerText()).toContain('核验通过后方可正式提交申报');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'applicant-registered');
    await page.context().close();

    // The district's check of the licence, through the API as an officer would do it on the reviewer's screen.
    const pending = await api.expect<{ items: Array<{ organizationId: string; uscc: string }> } | Array<{ organizationId: string; uscc: string }>>(officer, 200, {
      method: 'get',
      path: '/organization-registrations',
    });
    const rows = Array.isArray(pending) ? pending : pending.items;
    const registered = rows.find((row) => row.uscc === uscc);
    expect(registered).toBeDefined();
    await approveRegistration(web.scenario.app, officer, registered!.organizationId);
  }, 180_000);

  it('starts an application, fills an achievement, uploads a PDF, reads the estimate, declares and submits', async () => {
    const page = await web.page();
    await signIn(page, '北京市', account.username, account.password);
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '可申报项目' }).click();
    await page.getByRole('heading', { name: '可申报项目', level: 1 }).waitFor();
    const row = page.getByRole('row', { name: /2024年度首都标准化战略补助资金/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('2024年5月31日');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'applicant-open-programs');
    await row.getByRole('button', { name: /开始申报/ }).click();
    await page.waitForURL(/\/my\/applications\/[0-9a-f-]{36}$/);
    applicationId = /[0-9a-f-]{36}$/.exec(page.url())?.[0];
    await page.getByRole('heading', { name: '2024年度首都标准化战略补助资金', level: 1 }).waitFor();
    await page.getByText('完成 1/5 项').waitFor();
    expect(await page.getByText('申报截止日期：2024年5月31日').count()).toBeGreaterThan(0);

    // 成果: the form of a standard, generated from the achievement schema.
    await chooseOption(page, '成果类别', '标准制修订');
    await page.getByRole('button', { name: '添加成果' }).click();
    await chooseOption(page, '级别', '国家');
    await chooseOption(page, '制定或修订', '制定');
    await chooseOption(page, '承担角色', '主导');
    await page.getByLabel('起草单位排名').fill('1');
    await page.getByLabel('标准编号').fill('GB/T 43697-2023');
    await page.getByLabel('实际发生费用（元）').fill('180000');
    const published = page.getByLabel('发布日期', { exact: true });
    await published.click();
    await published.fill('2023-05-23');
    await published.press('Enter');
    await page.getByText(/已自动保存 2\d{3}年/).waitFor();

    // 证明材料: the material the call lists for a standard, uploaded with progress.
    const upload = page.getByRole('button', { name: '上传“标准文本及发布公告”' });
    await upload.waitFor();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), upload.click()]);
    await chooser.setFiles({ name: '标准文本及发布公告.pdf', mimeType: 'application/pdf', buffer: pdfBytes('GB/T 43697-2023') });
    await page.getByRole('button', { name: '下载 标准文本及发布公告.pdf' }).waitFor();

    // 测算: the estimate with the article that fixes it (第九条: a national standard, capped at the costs actually spent).
    await page.getByText('测算合计：¥180,000.00').waitFor();
    expect(await page.getByRole('cell', { name: '第九条' }).count()).toBeGreaterThan(0);
    const explanation = page.getByRole('listitem').filter({ hasText: '第九条' });
    await explanation.first().waitFor();
    await page.getByText('完成 4/5 项').waitFor();
    // The pointer off the button it clicked: antd's hover shade is the theme's, checked on the frame's own tests.
    await page.mouse.move(0, 0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'applicant-application-draft');

    // 承诺与提交
    await page.getByRole('checkbox', { name: '我已阅读并同意以上承诺' }).check();
    await page.getByText('完成 5/5 项').waitFor();
    await page.getByRole('button', { name: '提交申报' }).click();
    await page.getByText('申报已提交，内容不可修改。').waitFor();
    const status = page.getByText(/^当前状态：/);
    await status.waitFor();
    expect(await status.innerText()).toContain('形式审查');
    await page.mouse.move(0, 0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'applicant-application-submitted');

    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '我的申报' }).click();
    await page.getByRole('heading', { name: '我的申报', level: 1 }).waitFor();
    const mine = page.getByRole('row', { name: /2024年度首都标准化战略补助资金/ });
    await mine.waitFor();
    expect(await mine.innerText()).toContain('形式审查');
    expect(await mine.innerText()).toContain('180,000.00');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'applicant-my-applications');
    await page.context().close();
  }, 300_000);

  it('shows the formal check’s correction request with its due date, and resubmits the corrected application', async () => {
    if (!applicationId) throw new Error('needs the application submitted by the previous test');
    await api.expect(officer, 200, {
      method: 'post',
      path: `/applications/${applicationId}/formal-check`,
      body: { outcome: 'correction', reason: '发布公告页不清晰，请重新扫描上传', missing: [{ achievementId: 'a1', material: '标准文本及发布公告', note: '发布公告页不清晰' }] },
    });
    const page = await web.page();
    await signIn(page, '北京市', account.username, account.password);
    await page.goto('/my/applications');
    const row = page.getByRole('row', { name: /2024年度首都标准化战略补助资金/ });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/待补正[\s\S]*补正截止 2024年\d+月\d+日/);
    await row.getByRole('button', { name: /去补正/ }).click();
    const alert = page.getByRole('alert').filter({ hasText: '审查意见：请补正后重新提交' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('发布公告页不清晰，请重新扫描上传');
    expect(await alert.innerText()).toContain('缺少材料：标准文本及发布公告（发布公告页不清晰）');
    expect(await alert.innerText()).toMatch(/请于 2024年\d+月\d+日 前完成补正并重新提交/);
    await page.mouse.move(0, 0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'applicant-correction');

    const upload = page.getByRole('button', { name: '上传“标准文本及发布公告”' });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), upload.click()]);
    await chooser.setFiles({ name: '发布公告（重新扫描）.pdf', mimeType: 'application/pdf', buffer: pdfBytes('GB/T 43697-2023 announcement') });
    await page.getByRole('button', { name: '下载 发布公告（重新扫描）.pdf' }).waitFor();
    await page.getByRole('checkbox', { name: '我已阅读并同意以上承诺' }).check();
    await page.getByRole('button', { name: '提交补正' }).click();
    await page.getByText('申报已提交，内容不可修改。').waitFor();
    expect(await page.getByText(/^当前状态：/).innerText()).toContain('形式审查');
    await page.context().close();
  }, 300_000);
});
