import { verifyAuditChain } from '@subsidy/audit';
import { createHash } from 'node:crypto';
import { asSuperuser, createProgram, createTenant, createUser, login, Session, UserFixture } from '../support/factories';
import { ApiClient } from './scenarios-support/api-client';
import { fromStep, ScenarioHarness, waitFor } from './scenarios-support/scenario-harness';
import { programBodyFrom, readTemplate } from './scenarios-support/text-steps';
import { draftAndSchedule } from './scenarios-support/workflow-steps';

interface Summary {
  id: string;
  policyId: string;
  title: string;
  state: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  basedOn: { id: string; policyId: string } | null;
  authorName: string;
  reviewerName: string | null;
  contentHash: string | null;
  publishedAt: string | null;
  inForceToday: boolean;
  version: number;
}
interface CaseRun {
  total: number;
  passed: number;
  failed: number;
  results: Array<{ name: string; passed: boolean; expectedTotalFen: number | null; actualTotalFen: number | null; problems: string[]; trace: Array<{ itemId: string; amountFen: number | null; article: string | null; explanation: string }> }>;
}
interface Detail extends Summary {
  sourceText: string;
  casesText: string;
  document: Record<string, unknown> | null;
  validation: { valid: boolean; errors: Array<{ path: string; line: number | null; message: { zh: string; en: string } }> };
  changes: Array<{ path: string; before: unknown; after: unknown }>;
  cases: CaseRun;
}
interface Overview {
  inForceToday: Summary | null;
  lapsed: boolean;
  latestPublished: Summary | null;
  programsOnOlderVersion: Array<{ programId: string; title: string; policyId: string; newerPolicyId: string }>;
}
interface ErrorBody {
  code: string;
  message: string;
  details: Array<{ path: string; message: string }>;
}

const nationalLead = (publishedOn: string) => ({ id: 'a1', type: 'standard', level: 'national', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: 'GB/T 40000-2025', publishedOn });
const calcRequest = (applicationDate: string, publishedOn: string) => ({
  applicationDate,
  programYear: Number(applicationDate.slice(0, 4)),
  applicants: [{ uscc: '91371002MA3D10085L', name: '威海示范海洋食品有限公司', kind: 'enterprise', district: '环翠区', achievements: [nationalLead(publishedOn)] }],
});

/** The draft's case table (today's *.cases.yaml format): the raised ceiling, an unchanged one, and a 2024 case still under weihai-2020. */
const casesText = (expectedLeadFen: number): string => `tenant: weihai
defaults:
  applicationDate: "2026-03-20"
  programYear: 2026
  applicant: { uscc: "91371000MA3C4W1X2Y", name: "威海示例有限公司", kind: enterprise, district: "环翠区" }
cases:
  - name: national standard, lead, formulate (raised to 60万)
    article: 第六条
    source: "002:4533"
    achievements:
      - { id: a1, type: standard, level: national, action: formulate, role: lead, draftingRank: 1, standardNo: "GB/T 40000-2025", publishedOn: "2025-06-01" }
    expect:
      totalFen: ${expectedLeadFen}
      items:
        a1: { outcome: awarded, amountFen: ${expectedLeadFen}, basis: ceiling, article: 第六条 }
  - name: national standard, lead, revise (unchanged 25万)
    article: 第六条
    source: "002:4533"
    achievements:
      - { id: a1, type: standard, level: national, action: revise, role: lead, draftingRank: 1, standardNo: "GB/T 40001-2025", publishedOn: "2025-06-01" }
    expect:
      items:
        a1: { outcome: awarded, amountFen: 25000000 }
  - name: a 2024 application stays under weihai-2020 (50万)
    article: 第六条
    source: "002:4533"
    applicationDate: "2024-03-20"
    programYear: 2024
    achievements:
      - { id: a1, type: standard, level: national, action: formulate, role: lead, draftingRank: 1, standardNo: "GB/T 40000-2023", publishedOn: "2023-06-01" }
    expect:
      totalFen: 50000000
`;

/**
 * Issue 11, must show: Weihai's text (weihai-2020, in force 2020-01-01..2024-12-31) has lapsed. An officer drafts
 * weihai-2026 from it, valid 2026-01-01..2028-12-31, raising 第六条's national-standard lead-formulate ceiling from 50万
 * to 60万; the draft's cases run (one fails until its expected amount is updated); a second officer approves (the
 * author is refused); a 2026 program opens under it; an application dated 2026 gets 60万 and one dated 2024 still 50万;
 * Tianjin sees none of it; the published version cannot be edited; the audit chain holds the publication and verifies.
 * (The what-if over the 2024 applications is helper P3's spec.)
 */
describe('policy versions: Weihai drafts, tests and publishes weihai-2026 with four eyes', () => {
  const TENANT = 'weihai';
  let h: ScenarioHarness;
  let api: ApiClient;
  let author: Session;
  let authorUser: UserFixture;
  let reviewer: Session;
  let reviewerUser: UserFixture;
  let tianjin: Session;
  let base: Summary;
  let draft: Detail | undefined;
  let published: Detail | undefined;
  let program2024: string;
  const draftId = (): string => fromStep(draft, 'step 2 (draft from weihai-2020)').id;
  const publishedVersion = (): Detail => fromStep(published, 'step 6 (approve)');

  beforeAll(async () => {
    h = await ScenarioHarness.start(new Date('2025-12-01T10:00:00+08:00'));
    api = new ApiClient(h.app);
    await createTenant(h.db, { id: TENANT, nameZh: '威海市', divisionCode: '371000', districts: [{ code: '371002', nameZh: '环翠区' }] });
    await createTenant(h.db, { id: 'tianjin', nameZh: '天津市', districts: [{ code: '120101', nameZh: '和平区' }] });
    authorUser = await createUser(h.db, { tenantId: TENANT, role: 'program_officer', displayName: '威海市市场监管局 张起草' });
    reviewerUser = await createUser(h.db, { tenantId: TENANT, role: 'program_officer', displayName: '威海市市场监管局 李审核' });
    author = await login(h.app, authorUser);
    reviewer = await login(h.app, reviewerUser);
    await createUser(h.db, { tenantId: TENANT, role: 'district_reviewer', districtCode: '371002' });
    tianjin = await login(h.app, await createUser(h.db, { tenantId: 'tianjin', role: 'program_officer' }));
    // A 2024 round still being decided under weihai-2020, created by the author.
    program2024 = (await createProgram(h.db, { tenantId: TENANT, policyId: 'weihai-2020', title: '2024年度威海市标准化资助资金', status: 'decided' })).id;
    await h.rows(`update programs set created_by = $2 where id = $1`, [program2024, authorUser.id]);
    // A running round made by a seed (its creator is no person): every program officer is told about it instead.
    seededProgram = (await createProgram(h.db, { tenantId: TENANT, policyId: 'weihai-2020', title: '2024年度威海市标准化资助资金（补充批次）', status: 'decided' })).id;
    await h.startWorker();
  }, 90_000);

  let seededProgram: string;

  afterAll(async () => {
    await h?.close();
  });

  it('1. the 工作台 says the text has lapsed; the published weihai-2020 is listed', async () => {
    const overview = await api.expect<Overview>(author, 200, { method: 'get', path: '/policy-versions/overview' });
    expect(overview).toMatchObject({ lapsed: true, inForceToday: null, latestPublished: { policyId: 'weihai-2020', state: 'published' } });
    const work = await api.expect<{ groups: Array<{ kind: string; items: Array<{ entity: string; id: string; title: string }> }> }>(author, 200, { method: 'get', path: '/me/work' });
    const lapsed = work.groups.find((g) => g.kind === 'policy_version_lapsed');
    expect(lapsed?.items).toEqual([expect.objectContaining({ entity: 'policy_version', id: overview.latestPublished?.id, title: '本市没有现行有效的资助政策版本，请起草后续版本' })]);
    const list = await api.call<{ items: Summary[] }>(author, 200, { method: 'get', path: '/policy-versions?state=published' });
    expect(list.headers['x-total-count']).toBe('1');
    base = list.body.items[0];
    expect(base).toMatchObject({ policyId: 'weihai-2020', title: '威海市标准化资助资金管理办法', effectiveFrom: '2020-01-01', effectiveTo: '2024-12-31', inForceToday: false, authorName: '政策文件导入' });
  });

  it('2. the author drafts weihai-2026 from weihai-2020: a copy whose dates still overlap it, refused by validation until changed', async () => {
    const created = await api.expect<Detail>(author, 201, { method: 'post', path: '/policy-versions', body: { policyId: 'weihai-2026', basedOnId: base.id, changeNote: '2026年起国家标准主持制定资助提高至60万元' } });
    expect(created).toMatchObject({ policyId: 'weihai-2026', state: 'draft', basedOn: { id: base.id, policyId: 'weihai-2020' }, authorName: '威海市市场监管局 张起草', version: 1 });
    expect(created.sourceText).toMatch(/^id: weihai-2026$/m);
    expect(created.validation.valid).toBe(false);
    expect(created.validation.errors).toEqual([expect.objectContaining({ path: 'effectiveFrom', message: expect.objectContaining({ zh: expect.stringContaining('weihai-2020') }) })]);
    draft = created;
  });

  it('3. the new dates and the 60万 ceiling are saved; the changes against weihai-2020 are marked; one case fails until updated', async () => {
    const current = fromStep(draft, 'step 2');
    const lines = current.sourceText.split('\n');
    const item = lines.findIndex((l) => l.includes('id: std.national.formulate.lead'));
    const ceiling = lines.findIndex((l, i) => i > item && /^\s+ceiling: "50万"/.test(l));
    lines[ceiling] = lines[ceiling].replace('"50万"', '"60万"');
    const sourceText = lines
      .join('\n')
      .replace(/^effectiveFrom: .*$/m, 'effectiveFrom: "2026-01-01"')
      .replace(/^effectiveTo: .*$/m, 'effectiveTo: "2028-12-31"');
    const saved = await api.expect<Detail>(author, 200, { method: 'put', path: `/policy-versions/${draftId()}`, body: { version: current.version, sourceText, casesText: casesText(50_000_000) } });
    expect(saved.validation).toEqual({ valid: true, errors: [] });
    expect(saved).toMatchObject({ effectiveFrom: '2026-01-01', effectiveTo: '2028-12-31', version: 2 });
    expect(saved.changes).toEqual(
      expect.arrayContaining([
        { path: 'id', before: 'weihai-2020', after: 'weihai-2026' },
        { path: 'effectiveFrom', before: '2020-01-01', after: '2026-01-01' },
        { path: 'effectiveTo', before: '2024-12-31', after: '2028-12-31' },
        { path: 'items[3].ceiling', before: '50万', after: '60万' },
      ]),
    );
    expect(saved.changes).toHaveLength(4);
    expect(saved.cases).toMatchObject({ total: 3, passed: 2, failed: 1 });
    const failing = saved.cases.results.find((r) => !r.passed);
    expect(failing).toMatchObject({ name: 'national standard, lead, formulate (raised to 60万)', expectedTotalFen: 50_000_000, actualTotalFen: 60_000_000 });
    expect(failing?.problems).toEqual(expect.arrayContaining(['totalFen: expected 50000000, got 60000000']));
    expect(failing?.trace[0]).toMatchObject({ itemId: 'std.national.formulate.lead', amountFen: 60_000_000, article: '第六条' });
    // With a failing case the draft cannot be submitted.
    const refused = await api.expect<ErrorBody>(author, 400, { method: 'post', path: `/policy-versions/${draftId()}/submit`, body: { version: saved.version } });
    expect(refused.code).toBe('policy_version_cases_failed');
    draft = saved;
  });

  it('4. with the expected amount updated every case passes (cases/run), and the author submits', async () => {
    const current = fromStep(draft, 'step 3');
    const saved = await api.expect<Detail>(author, 200, { method: 'put', path: `/policy-versions/${draftId()}`, body: { version: current.version, casesText: casesText(60_000_000) } });
    expect(saved.cases).toMatchObject({ total: 3, passed: 3, failed: 0 });
    const run = await api.expect<CaseRun>(author, 200, { method: 'post', path: `/policy-versions/${draftId()}/cases/run` });
    expect(run).toMatchObject({ total: 3, passed: 3, failed: 0 });
    // Submitting by another officer than the author is refused; the author submits.
    await api.expect<ErrorBody>(reviewer, 403, { method: 'post', path: `/policy-versions/${draftId()}/submit`, body: { version: saved.version } });
    const submitted = await api.expect<Detail>(author, 200, { method: 'post', path: `/policy-versions/${draftId()}/submit`, body: { version: saved.version } });
    expect(submitted.state).toBe('submitted');
    const told = await h.rows<{ user_id: string; kind: string }>(`select user_id::text, kind from notifications where kind = 'policy_version.submitted'`);
    expect(told).toEqual([{ user_id: reviewerUser.id, kind: 'policy_version.submitted' }]);
    const locked = await api.expect<ErrorBody>(author, 409, { method: 'put', path: `/policy-versions/${draftId()}`, body: { version: submitted.version, changeNote: '再改一次' } });
    expect(locked.code).toBe('policy_version_not_editable');
    draft = submitted;
  });

  it('5. four eyes: the author cannot approve its own version (403), nor return it', async () => {
    const current = fromStep(draft, 'step 4');
    const own = await api.expect<ErrorBody>(author, 403, { method: 'post', path: `/policy-versions/${draftId()}/approve`, body: { version: current.version } });
    expect(own.code).toBe('four_eyes');
    expect(own.message).toContain('起草人不能审核');
    expect((await api.expect<ErrorBody>(author, 403, { method: 'post', path: `/policy-versions/${draftId()}/return`, body: { version: current.version, reason: '自己退回' } })).code).toBe('four_eyes');
    expect((await api.expect<Detail>(author, 200, { method: 'get', path: `/policy-versions/${draftId()}` })).state).toBe('submitted');
  });

  it('6. a second officer approves: published, hash = sha256 of the text, validity from the text; the engine takes it at once', async () => {
    const current = fromStep(draft, 'step 4');
    const approved = await api.expect<Detail>(reviewer, 200, { method: 'post', path: `/policy-versions/${draftId()}/approve`, body: { version: current.version } });
    expect(approved).toMatchObject({ state: 'published', reviewerName: '威海市市场监管局 李审核', effectiveFrom: '2026-01-01', effectiveTo: '2028-12-31' });
    expect(approved.contentHash).toBe(createHash('sha256').update(approved.sourceText, 'utf8').digest('hex'));
    expect(approved.publishedAt).not.toBeNull();
    published = approved;
    const [row] = await h.rows<{ state: string; reviewer: string; author: string }>(`select state, reviewer, author from policy_versions where id = $1`, [draftId()]);
    expect(row).toEqual({ state: 'published', reviewer: reviewerUser.id, author: authorUser.id });
    // The officer whose program runs under the older version is told; the program keeps weihai-2020 and its hash.
    const notices = await h.rows<{ kind: string; subject: string; body: string; entity_id: string }>(`select kind, subject, body, entity_id::text from notifications where user_id = $1 and kind like 'policy_version.%' order by entity_id = $2 desc`, [authorUser.id, program2024]);
    expect(notices).toEqual([
      expect.objectContaining({ kind: 'policy_version.newer_published', entity_id: program2024, body: expect.stringContaining('weihai-2026') }),
      expect.objectContaining({ kind: 'policy_version.newer_published', entity_id: seededProgram }),
    ]);
    const reviewerNotices = await h.rows<{ entity_id: string }>(`select entity_id::text from notifications where user_id = $1 and kind = 'policy_version.newer_published'`, [reviewerUser.id]);
    expect(reviewerNotices).toEqual([{ entity_id: seededProgram }]);
    const [bound] = await h.rows<{ policy_id: string }>(`select policy_id from programs where id = $1`, [program2024]);
    expect(bound.policy_id).toBe('weihai-2020');
    const overview = await api.expect<Overview>(author, 200, { method: 'get', path: '/policy-versions/overview' });
    expect(overview.programsOnOlderVersion).toEqual(
      expect.arrayContaining([{ programId: program2024, title: '2024年度威海市标准化资助资金', policyId: 'weihai-2020', newerPolicyId: 'weihai-2026' }]),
    );
    expect(overview.programsOnOlderVersion).toHaveLength(2);
    expect((await api.expect<{ policyId: string }>(author, 200, { method: 'get', path: `/programs/${program2024}` })).policyId).toBe('weihai-2020');
  });

  it('7. editing the published version is refused with a clear Chinese message (409), and the row is unchanged', async () => {
    const version = publishedVersion();
    const refused = await api.expect<ErrorBody>(author, 409, { method: 'put', path: `/policy-versions/${version.id}`, body: { version: version.version, sourceText: version.sourceText.replace('"60万"', '"70万"') } });
    expect(refused.code).toBe('policy_version_not_editable');
    expect(refused.message).toContain('已发布的版本不能修改');
    const again = await api.expect<Detail>(reviewer, 200, { method: 'get', path: `/policy-versions/${version.id}` });
    expect(again.sourceText).toBe(version.sourceText);
    expect(again.contentHash).toBe(version.contentHash);
  });

  it('8. an application dated 2026 gets 60万 under weihai-2026; one dated 2024 still 50万 under weihai-2020', async () => {
    const calc = (body: object) => api.expect<{ policy: { id: string; hash: string }; applicants: Array<{ totalFen: number; items: Array<{ amountFen: number; article: string }> }> }>(author, 200, { method: 'post', path: `/tenants/${TENANT}/calculations`, body });
    const in2026 = await calc(calcRequest('2026-03-20', '2025-06-01'));
    expect(in2026.policy).toMatchObject({ id: 'weihai-2026', hash: publishedVersion().contentHash });
    expect(in2026.applicants[0].items[0]).toMatchObject({ amountFen: 60_000_000, article: '第六条' });
    const in2024 = await calc(calcRequest('2024-03-20', '2023-06-01'));
    expect(in2024.policy.id).toBe('weihai-2020');
    expect(in2024.applicants[0].items[0]).toMatchObject({ amountFen: 50_000_000, article: '第六条' });
  });

  it('9. in 2026 the version is in force: a 2026 program opens under it, bound to its hash', async () => {
    h.setClock('2026-02-02T10:00:00+08:00');
    const overview = await api.expect<Overview>(author, 200, { method: 'get', path: '/policy-versions/overview' });
    expect(overview).toMatchObject({ lapsed: false, inForceToday: { policyId: 'weihai-2026', inForceToday: true }, latestPublished: { policyId: 'weihai-2026' } });
    const work = await api.expect<{ groups: Array<{ kind: string }> }>(author, 200, { method: 'get', path: '/me/work' });
    expect(work.groups.map((g) => g.kind)).not.toContain('policy_version_lapsed');
    const versions = await api.call<{ items: Summary[] }>(author, 200, { method: 'get', path: '/policy-versions?state=published&sort=-effectiveFrom' });
    expect([versions.headers['x-total-count'], versions.body.items.map((v) => [v.policyId, v.inForceToday])]).toEqual(['2', [['weihai-2026', true], ['weihai-2020', false]]]);
    expect((await api.expect<ErrorBody>(author, 400, { method: 'get', path: '/policy-versions?sort=author' })).details.map((d) => d.path)).toEqual(['sort']);
    const template = await readTemplate(api, author, 'weihai-2026');
    expect(template.policy).toMatchObject({ id: 'weihai-2026', effectiveFrom: '2026-01-01', effectiveTo: '2028-12-31' });
    const program = await draftAndSchedule(
      api,
      author,
      programBodyFrom(template, {
        year: 2026,
        title: '2026年度威海市标准化资助资金',
        opensAt: '2026-03-02T09:00:00+08:00',
        closesAt: '2026-04-30T17:00:00+08:00',
        call: { title: '关于开展2026年度威海市标准化资助资金申请评估工作的通知', body: '依据 weihai-2026，国家标准主持制定最高资助60万元（第六条）。', materials: { standard: ['威海市标准化资助资金申请表'] }, receivingOffice: '项目所在地区市标准化行政主管部门' },
        budget: { totalFen: 200_000_000, rule: 'pro_rata', sources: [{ source: 'city', amountFen: 100_000_000 }, { source: 'district:371002', amountFen: 100_000_000 }] },
      }),
    );
    h.setClock('2026-03-02T09:00:30+08:00');
    await waitFor('the 2026 round to open', async () => (await h.statusOf('programs', program.id)) === 'open');
    const [row] = await h.rows<{ policy_id: string; policy_hash: string }>(`select policy_id, policy_hash from programs where id = $1`, [program.id]);
    expect(row).toEqual({ policy_id: 'weihai-2026', policy_hash: publishedVersion().contentHash });
  });

  it("10. Tianjin's officers see none of it: not in their list, 404 on the id", async () => {
    const list = await api.call<{ items: Summary[] }>(tianjin, 200, { method: 'get', path: '/policy-versions' });
    expect(list.body.items.map((v) => v.policyId)).toEqual(['tianjin-2021']);
    expect(JSON.stringify(list.body)).not.toContain('weihai');
    await api.expect<ErrorBody>(tianjin, 404, { method: 'get', path: `/policy-versions/${publishedVersion().id}` });
    await api.expect<ErrorBody>(tianjin, 404, { method: 'post', path: `/policy-versions/${publishedVersion().id}/cases/run` });
    const overview = await api.expect<Overview>(tianjin, 200, { method: 'get', path: '/policy-versions/overview' });
    expect(JSON.stringify(overview)).not.toContain('weihai');
  });

  it('11. the audit chain holds the publication with the whole diff against weihai-2020, and verifies', async () => {
    const records = await h.rows<{ action: string; actor_id: string; data: { policyId: string; contentHash: string; basedOn: { policyId: string }; changes: Array<{ path: string; before: unknown; after: unknown }> } }>(
      `select action, actor_id, data from audit_log where tenant_id = $1 and entity_type = 'policy_version' and entity_id = $2 order by seq`,
      [TENANT, draftId()],
    );
    expect(records.map((r) => r.action)).toEqual(['policy_version.drafted', 'policy_version.edited', 'policy_version.edited', 'policy_version.submitted', 'policy_version.published']);
    const publication = records[records.length - 1];
    expect(publication.actor_id).toBe(reviewerUser.id);
    expect(publication.data).toMatchObject({ policyId: 'weihai-2026', contentHash: publishedVersion().contentHash, basedOn: { policyId: 'weihai-2020' } });
    expect(publication.data.changes).toEqual(expect.arrayContaining([{ path: 'items[3].ceiling', before: '50万', after: '60万' }]));
    const verification = await asSuperuser(h.db, (client) => verifyAuditChain(client, TENANT));
    expect(verification.ok).toBe(true);
  });
});
