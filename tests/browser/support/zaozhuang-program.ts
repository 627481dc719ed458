import { createTenant, createUser, login, registerApprovedOrganization, RegisteredOrganization, Session, UserFixture } from '../../support/factories';
import { ApiClient } from '../../e2e/scenarios-support/api-client';
import { waitFor } from '../../e2e/scenarios-support/scenario-harness';
import { programBodyFrom, readTemplate, setPayeeAccount } from '../../e2e/scenarios-support/text-steps';
import { ApplicationView, draftAndSchedule, prepareApplication, submit } from '../../e2e/scenarios-support/workflow-steps';
import { WebHarness } from './web-harness';

/**
 * A real program prepared through the API for the browser tests of the public pages and of finance: Zaozhuang's
 * 《标准化战略奖励办法》 (in force 2018-12-01..2023-11-30), a fourth-quarter call of 2022 (第六条), the office's 初审 as
 * the only review (第七条), fixed amounts (第五条), 7 calendar days of publicity, the city paying every award (第二条).
 * Start the WebHarness at ZAOZHUANG_START.
 */
export const ZAOZHUANG_START = new Date('2022-10-09T10:00:00+08:00');
export const TENANT = 'zaozhuang';
export const TENANT_NAME = '枣庄市';
export const PROGRAM_TITLE = '2022年度枣庄市标准化战略奖励';

export interface PreparedProgram {
  api: ApiClient;
  officer: Session;
  financeUser: UserFixture;
  org: RegisteredOrganization;
  applicant: Session;
  programId: string;
  applicationId: string;
  publicityId: string;
}

/** Tenant, staff, a call, one enterprise's application (50 万 for a national standard, 10 万 for 4A), checked, decided, in publicity from 2022-10-24. */
export async function prepareProgramInPublicity(web: WebHarness): Promise<PreparedProgram> {
  const h = web.scenario;
  const api = new ApiClient(h.app);
  await createTenant(h.db, { id: TENANT, nameZh: TENANT_NAME, nameEn: 'Zaozhuang', divisionCode: '370400', districts: [{ code: '370402', nameZh: '市中区' }, { code: '370481', nameZh: '滕州市' }] });
  const officer = await login(h.app, await createUser(h.db, { tenantId: TENANT, role: 'program_officer' }));
  const financeUser = await createUser(h.db, { tenantId: TENANT, role: 'finance_officer', financeLevel: 'city', displayName: '李财务' });

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
      budget: { totalFen: 300_000_000, rule: 'pro_rata', sources: [{ source: 'city', amountFen: 300_000_000 }] },
    }),
  );
  h.setClock('2022-10-10T09:00:30+08:00');
  await waitFor('the call to open', async () => (await h.statusOf('programs', program.id)) === 'open');

  h.setClock('2022-10-11T10:00:00+08:00');
  const org = await registerApprovedOrganization(h.app, h.db, { tenantId: TENANT, districtCode: '370402', name: '枣庄市中精工机械有限公司' }, officer);
  const applicant = await login(h.app, org.applicant);
  const drafted = await prepareApplication(api, applicant, program.id, {
    achievements: [
      { id: 'a1', type: 'standard', level: 'national', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'GB/T 41801-2022', title: '矿山机械 液压支架 通用技术条件', publishedOn: '2022-03-15' },
      { id: 'a2', type: 'good_conduct', grade: '4A', certifiedOn: '2022-08-08' },
    ],
    evidence: { a1: '标准文本及发布公告', a2: '标准化良好行为企业证书' },
  });
  await submit(api, applicant, drafted.applicationId, 'browser-zz-submit');
  await api.expect<ApplicationView>(officer, 200, { method: 'post', path: `/applications/${drafted.applicationId}/formal-check`, body: { outcome: 'complete' } });

  h.setClock('2022-10-20T17:00:30+08:00');
  await waitFor('the call to close', async () => (await h.statusOf('programs', program.id)) === 'closed');
  h.setClock('2022-10-21T10:00:00+08:00');
  await api.expect(officer, 200, {
    method: 'put',
    path: `/applications/${drafted.applicationId}/decision`,
    body: { items: [{ achievementId: 'a1', amountFen: 50_000_000 }, { achievementId: 'a2', amountFen: 10_000_000 }] },
  });
  await api.expect(officer, 200, { method: 'post', path: `/programs/${program.id}/decide`, body: {} });
  h.setClock('2022-10-24T09:00:00+08:00');
  const publicity = await api.expect<{ id: string; endsOn: string }>(officer, 201, { method: 'post', path: `/programs/${program.id}/publicity`, body: { startsOn: '2022-10-24' } });
  return { api, officer, financeUser, org, applicant, programId: program.id, applicationId: drafted.applicationId, publicityId: publicity.id };
}

/** The publicity runs out (2022-10-30) with no objection; the office hands the program over; the awardee gives its account. */
export async function handOverToFinance(web: WebHarness, prepared: PreparedProgram): Promise<void> {
  const h = web.scenario;
  h.setClock('2022-10-31T00:00:05+08:00');
  await waitFor('the publicity to close', async () => (await h.statusOf('publicities', prepared.publicityId)) === 'closed');
  await waitFor('the program to be publicized', async () => (await h.statusOf('programs', prepared.programId)) === 'publicized');
  h.setClock('2022-11-01T10:00:00+08:00');
  await prepared.api.expect(prepared.officer, 200, { method: 'post', path: `/programs/${prepared.programId}/hand-over` });
  await setPayeeAccount(prepared.api, prepared.applicant, prepared.org.organization.id, {
    accountName: prepared.org.organization.name,
    bankName: '中国工商银行枣庄市中支行',
    accountNo: '1605001109200123456',
  });
}
