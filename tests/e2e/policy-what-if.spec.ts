import { readFileSync } from 'fs';
import { join } from 'path';
import { configDir } from '@subsidy/config';
import { asSuperuser, createApplication, createOrganization, createProgram, createTenant, createUser, login, OrganizationFixture, Session } from '../support/factories';
import { ApiClient } from './scenarios-support/api-client';
import { ScenarioHarness } from './scenarios-support/scenario-harness';

interface WhatIfReport {
  baseline: { policyId: string } | null;
  candidate: { policyId: string };
  applications: number;
  unpricedApplications: number;
  totalBeforeFen: string;
  totalAfterFen: string;
  deltaFen: string;
  budget: { programId: string | null; budgetTotalFen: string | null; committedBeforeFen: string; committedAfterFen: string } | null;
  byItem: Array<{ itemId: string | null; label: { zh: string; en: string }; article: string | null; count: number; beforeFen: string; afterFen: string; deltaFen: string }>;
  byApplicant: Array<{ organizationName: string; applicationCount: number; beforeFen: string; afterFen: string; deltaFen: string }>;
}

interface ErrorBody {
  code: string;
  details: Array<{ path: string }>;
}

const WAN = 1_000_000; // 1万 in fen
const fen = (wan: number): string => String(wan * WAN);

const nationalLead = (id: string, standardNo: string, publishedOn: string) => ({ id, type: 'standard', level: 'national', action: 'formulate', role: 'lead', draftingRank: 1, standardNo, publishedOn });
const industryLead = (id: string, standardNo: string, publishedOn: string) => ({ id, type: 'standard', level: 'industry', action: 'formulate', role: 'lead', draftingRank: 1, standardNo, publishedOn });

/**
 * The what-if of issue 11 over Weihai's real 2024 applications. weihai-2020 (in force 2020-01-01..2024-12-31) pays a
 * national standard its enterprise led at most 50万 (第六条); the draft weihai-2026, copied from it and valid
 * 2026-01-01..2028-12-31, raises that ceiling to 60万. Compared over 2024, each such claim gains 10万, nothing else
 * moves: a standard the organization was already awarded in 2023 stays refused under both (第十九条, the earlier award
 * is told to the engine as in pricing), and withdrawn applications and other years are left out. Reads only.
 */
describe('what-if: a draft policy version over the tenant\'s real applications', () => {
  let h: ScenarioHarness;
  let api: ApiClient;
  let officer: Session;
  let tianjinOfficer: Session;
  let reviewer: Session;
  let huancui: OrganizationFixture;
  let wendeng: OrganizationFixture;
  let rongcheng: OrganizationFixture;
  let mainProgram: string;
  let draftId: string;
  const priced: Record<string, string> = {};

  beforeAll(async () => {
    h = await ScenarioHarness.start(new Date('2024-06-03T10:00:00+08:00'));
    api = new ApiClient(h.app);
    await createTenant(h.db, {
      id: 'weihai',
      nameZh: '威海市',
      divisionCode: '371000',
      districts: [
        { code: '371002', nameZh: '环翠区' },
        { code: '371003', nameZh: '文登区' },
        { code: '371082', nameZh: '荣成市' },
      ],
    });
    await createTenant(h.db, { id: 'tianjin', nameZh: '天津市', divisionCode: '120000', districts: [{ code: '120101', nameZh: '和平区' }] });
    officer = await login(h.app, await createUser(h.db, { tenantId: 'weihai', role: 'program_officer' }));
    reviewer = await login(h.app, await createUser(h.db, { tenantId: 'weihai', role: 'district_reviewer', districtCode: '371002' }));
    tianjinOfficer = await login(h.app, await createUser(h.db, { tenantId: 'tianjin', role: 'program_officer' }));
    huancui = await createOrganization(h.db, { tenantId: 'weihai', districtCode: '371002', name: '威海环翠海洋装备科技有限公司' });
    wendeng = await createOrganization(h.db, { tenantId: 'weihai', districtCode: '371003', name: '威海文登机电股份有限公司' });
    rongcheng = await createOrganization(h.db, { tenantId: 'weihai', districtCode: '371082', name: '荣成远洋渔业装备有限公司' });
    const withdrawing = await createOrganization(h.db, { tenantId: 'weihai', districtCode: '371082', name: '荣成海带加工有限公司' });

    // 2023: the environment's standard GB/T 40003-2022 was already awarded 50万 (decided).
    const program2023 = await createProgram(h.db, { tenantId: 'weihai', policyId: 'weihai-2020', year: 2023, title: '2023年度威海市标准化资助资金', status: 'closed' });
    const earlier = await createApplication(h.db, {
      tenantId: 'weihai', programId: program2023.id, organizationId: huancui.id, districtCode: '371002', status: 'decided',
      submittedAt: new Date('2023-03-20T10:00:00+08:00'), achievements: [nationalLead('e1', 'GB/T 40003-2022', '2022-09-01')],
    });
    await asSuperuser(h.db, (client) =>
      client.query(
        `insert into decision_items (tenant_id, application_id, achievement_id, ceiling_fen, basis, article, proposed_fen, decided_fen)
         values ('weihai', $1, 'e1', 50000000, 'ceiling', '第六条', 50000000, 50000000)`,
        [earlier.id],
      ),
    );

    // 2024: two programs under weihai-2020.
    mainProgram = (await createProgram(h.db, { tenantId: 'weihai', policyId: 'weihai-2020', year: 2024, title: '2024年度威海市标准化资助资金', status: 'closed', budgetTotalFen: 300 * WAN })).id;
    const secondProgram = (await createProgram(h.db, { tenantId: 'weihai', policyId: 'weihai-2020', year: 2024, title: '2024年度威海市标准化资助资金（第二批）', status: 'closed', budgetTotalFen: 100 * WAN })).id;
    const submittedAt = new Date('2024-03-20T10:00:00+08:00');
    const a = await createApplication(h.db, {
      tenantId: 'weihai', programId: mainProgram, organizationId: huancui.id, districtCode: '371002', status: 'awaiting_decision', submittedAt,
      achievements: [nationalLead('a1', 'GB/T 40001-2023', '2023-06-01'), industryLead('a2', 'CB/T 4510-2023', '2023-01-10'), nationalLead('a3', 'GB/T 40003-2022', '2022-09-01')],
    });
    const b = await createApplication(h.db, {
      tenantId: 'weihai', programId: mainProgram, organizationId: wendeng.id, districtCode: '371003', status: 'expert_review', submittedAt,
      achievements: [nationalLead('b1', 'GB/T 40002-2023', '2023-04-01')],
    });
    await createApplication(h.db, {
      tenantId: 'weihai', programId: mainProgram, organizationId: withdrawing.id, districtCode: '371082', status: 'withdrawn', submittedAt,
      achievements: [nationalLead('w1', 'GB/T 40009-2023', '2023-04-01')],
    });
    await createApplication(h.db, {
      tenantId: 'weihai', programId: secondProgram, organizationId: rongcheng.id, districtCode: '371082', status: 'decided', submittedAt: new Date('2024-05-06T10:00:00+08:00'),
      achievements: [nationalLead('r1', 'GB/T 40004-2023', '2023-10-01')],
    });
    // The organization renamed itself after applying: the report shows the name it applied under (the snapshot).
    await asSuperuser(h.db, async (client) => {
      await client.query(`update applications set applicant_snapshot = $2 where id = $1`, [a.id, JSON.stringify({ name: '威海环翠海洋装备科技有限公司' })]);
      await client.query(`update organizations set name = '威海环翠海洋装备集团有限公司' where id = $1`, [huancui.id]);
    });

    priced['威海环翠海洋装备科技有限公司'] = a.id;
    priced['威海文登机电股份有限公司'] = b.id;

    // The officer's draft weihai-2026: weihai-2020's text with the new id, validity and ceiling, uploaded as a draft.
    const text = readFileSync(join(configDir('policies'), 'weihai', 'weihai-2020.yaml'), 'utf8');
    const draftText = text
      .replace(/^id: weihai-2020$/m, 'id: weihai-2026')
      .replace(/^effectiveFrom: .*$/m, 'effectiveFrom: "2026-01-01"')
      .replace(/^effectiveTo: .*$/m, 'effectiveTo: "2028-12-31"')
      .replace(/(id: std\.national\.formulate\.lead[\s\S]*?ceiling: )"50万"/, '$1"60万"');
    expect(draftText).toContain('ceiling: "60万"');
    const created = await api.expect<{ id: string; state: string; policyId: string }>(officer, 201, {
      method: 'post',
      path: '/policy-versions',
      body: { policyId: 'weihai-2026', sourceText: draftText, changeNote: '国家标准主持制定资助上限由50万元提高到60万元' },
    });
    expect([created.policyId, created.state]).toEqual(['weihai-2026', 'draft']);
    draftId = created.id;
  }, 90_000);

  afterAll(async () => {
    await h?.close();
  });

  const whatIf = (session: Session, status: number, body: object, id = draftId) =>
    api.call<WhatIfReport & ErrorBody>(session, status, { method: 'post', path: `/policy-versions/${id}/what-if`, body });

  it('over the year 2024: each national lead-formulate claim gains 10万, the rest is unchanged, totals and budget follow', async () => {
    const { body } = await whatIf(officer, 200, { year: 2024 });
    expect(body.baseline).toEqual({ policyId: 'weihai-2020' });
    expect(body.candidate).toEqual({ policyId: 'weihai-2026' });
    // Three applications of 2024 (the withdrawn one and 2023's are left out).
    expect([body.applications, body.unpricedApplications]).toEqual([3, 0]);
    expect([body.totalBeforeFen, body.totalAfterFen, body.deltaFen]).toEqual([fen(170), fen(200), fen(30)]);
    expect(body.byItem).toEqual([
      // a1, b1, r1 gain 10万 each; a3 (awarded in 2023, 第十九条) is refused under both and adds nothing.
      { itemId: 'std.national.formulate.lead', label: { zh: '国家标准 主持制定', en: expect.any(String) }, article: '第六条', count: 4, beforeFen: fen(150), afterFen: fen(180), deltaFen: fen(30) },
      { itemId: 'std.industry.formulate.lead', label: expect.objectContaining({ zh: expect.stringContaining('行业标准') }), article: '第七条', count: 1, beforeFen: fen(20), afterFen: fen(20), deltaFen: '0' },
    ]);
    expect(body.byApplicant.map((a) => [a.organizationName, a.applicationCount, a.beforeFen, a.afterFen, a.deltaFen])).toEqual([
      ['威海文登机电股份有限公司', 1, fen(50), fen(60), fen(10)],
      ['威海环翠海洋装备科技有限公司', 1, fen(70), fen(80), fen(10)],
      ['荣成远洋渔业装备有限公司', 1, fen(50), fen(60), fen(10)],
    ]);
    expect(body.budget).toEqual({ programId: null, budgetTotalFen: fen(400), committedBeforeFen: fen(170), committedAfterFen: fen(200) });
  });

  it("over one program: its own applications and its budget", async () => {
    const { body } = await whatIf(officer, 200, { programId: mainProgram });
    expect([body.applications, body.totalBeforeFen, body.totalAfterFen, body.deltaFen]).toEqual([2, fen(120), fen(140), fen(20)]);
    expect(body.budget).toEqual({ programId: mainProgram, budgetTotalFen: fen(300), committedBeforeFen: fen(120), committedAfterFen: fen(140) });
    expect(body.byApplicant.map((a) => a.organizationName).sort()).toEqual(['威海文登机电股份有限公司', '威海环翠海洋装备科技有限公司']);
    // "Before" is what the product prices each application at (its estimate at the submission date, earlier awards included).
    for (const line of body.byApplicant) {
      const estimate = await api.expect<{ totalFen: number; policy: { id: string } }>(officer, 200, { method: 'get', path: `/applications/${priced[line.organizationName]}/estimate` });
      expect([estimate.policy.id, String(estimate.totalFen)]).toEqual(['weihai-2020', line.beforeFen]);
    }
  });

  it('a year without programs compares nothing', async () => {
    const { body } = await whatIf(officer, 200, { year: 2021 });
    expect(body).toMatchObject({ baseline: null, applications: 0, totalBeforeFen: '0', totalAfterFen: '0', deltaFen: '0', byItem: [], byApplicant: [] });
    expect(body.budget).toEqual({ programId: null, budgetTotalFen: null, committedBeforeFen: '0', committedAfterFen: '0' });
  });

  it('changes nothing: no audit record, no outbox job, the draft untouched', async () => {
    const count = async () =>
      (await h.rows<{ audit: string; outbox: string; version: number; updated: string }>(
        `select (select count(*) from audit_log)::text as audit, (select count(*) from outbox)::text as outbox,
                (select version from policy_versions where id = $1) as version, (select updated_at::text from policy_versions where id = $1) as updated`,
        [draftId],
      ))[0];
    const before = await count();
    await whatIf(officer, 200, { year: 2024 });
    expect(await count()).toEqual(before);
  });

  it("Tianjin's officers do not see Weihai's draft (404); other roles may not run it (403); unknown program 404", async () => {
    expect((await whatIf(tianjinOfficer, 404, { year: 2024 })).body.code).toBe('policy_version_not_found');
    await whatIf(reviewer, 403, { year: 2024 });
    expect((await whatIf(officer, 404, { year: 2024 }, '00000000-0000-4000-8000-000000000000')).body.code).toBe('policy_version_not_found');
    expect((await whatIf(officer, 404, { programId: '00000000-0000-4000-8000-000000000000' })).body.code).toBe('program_not_found');
  });

  it('a draft whose text does not compile cannot be compared (422, pointing at the text)', async () => {
    const [row] = (
      await asSuperuser(h.db, (client) =>
        client.query<{ id: string }>(
          `insert into policy_versions (tenant_id, policy_id, state, source_text, author) values ('weihai', 'weihai-2027', 'draft', $1, 'officer') returning id`,
          ['id: weihai-2027\ntenant: weihai\ntitle: 未完成的草稿\nitems: []\nceilng: 1\n'],
        ),
      )
    ).rows;
    const { body } = await whatIf(officer, 422, { year: 2024 }, row.id);
    expect(body.code).toBe('policy_version_not_evaluable');
    expect(body.details.map((d) => d.path)).toEqual(['sourceText']);
  });

  it.each([
    ['neither programId nor year', {}, ['programId', 'year']],
    ['both programId and year', { programId: '00000000-0000-4000-8000-000000000000', year: 2024 }, ['year']],
    ['a programId that is not a UUID', { programId: 'program-1' }, ['programId']],
    ['a year that is not an integer', { year: '2024' }, ['year']],
    ['a year out of range', { year: 1999 }, ['year']],
    ['an unknown field', { year: 2024, policyId: 'weihai-2020' }, ['policyId']],
  ])('400 naming the field for %s', async (_name, body, paths) => {
    const { body: error } = await whatIf(officer, 400, body);
    expect([...new Set(error.details.map((d) => d.path))].sort()).toEqual(paths);
  });

  it('400 naming the id for a version id that is not a UUID', async () => {
    const { body } = await whatIf(officer, 400, { year: 2024 }, 'weihai-2026');
    expect(body.details.map((d) => d.path)).toEqual(['id']);
  });
});
