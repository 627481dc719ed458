import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTenant, createUser, login, Session } from '../support/factories';
import { ApiClient } from './scenarios-support/api-client';
import { ScenarioHarness } from './scenarios-support/scenario-harness';

interface Detail {
  id: string;
  state: string;
  version: number;
  validation: { valid: boolean; errors: Array<{ path: string; line: number | null; message: { zh: string; en: string } }> };
}
interface ErrorBody {
  code: string;
  message: string;
  details: Array<{ path: string; message: string }>;
}

const WEIHAI_2020 = readFileSync(join(__dirname, '..', '..', 'config', 'policies', 'weihai', 'weihai-2020.yaml'), 'utf8');
/** A valid successor text: weihai-2020 renamed and moved to 2026-2028. */
const valid = (policyId: string): string =>
  WEIHAI_2020.replace(/^id: .*$/m, `id: ${policyId}`).replace(/^effectiveFrom: .*$/m, 'effectiveFrom: "2026-01-01"').replace(/^effectiveTo: .*$/m, 'effectiveTo: "2028-12-31"');
const CASES = `tenant: weihai
defaults: { applicationDate: "2026-03-20", programYear: 2026, applicant: { uscc: "91371000MA3C4W1X2Y", name: "威海示例有限公司", kind: enterprise, district: "环翠区" } }
cases:
  - name: national standard, lead, revise
    article: 第六条
    source: "002:4533"
    achievements:
      - { id: a1, type: standard, level: national, action: revise, role: lead, draftingRank: 1, standardNo: "GB/T 40001-2025", publishedOn: "2025-06-01" }
    expect: { totalFen: 25000000 }
`;

/**
 * Issue 11: each drafting rule refuses the text with 400 naming the path in the document (in Chinese), and nothing
 * goes forward: a draft may hold an invalid text (work in progress), but it cannot be submitted, nor published.
 */
describe('policy versions: every validation rule names its path, and nothing invalid goes forward', () => {
  let h: ScenarioHarness;
  let api: ApiClient;
  let officer: Session;
  let second: Session;

  beforeAll(async () => {
    h = await ScenarioHarness.start(new Date('2025-12-01T10:00:00+08:00'));
    api = new ApiClient(h.app);
    await createTenant(h.db, { id: 'weihai', nameZh: '威海市', divisionCode: '371000', districts: [{ code: '371002', nameZh: '环翠区' }] });
    officer = await login(h.app, await createUser(h.db, { tenantId: 'weihai', role: 'program_officer' }));
    second = await login(h.app, await createUser(h.db, { tenantId: 'weihai', role: 'program_officer' }));
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  const rules: Array<[string, (text: string) => string, string, RegExp]> = [
    ['a negative amount', (t) => t.replace('ceiling: "50万"\n  - id: std.intl.formulate.participate', 'ceiling: "-50万"\n  - id: std.intl.formulate.participate'), 'items[0].ceiling', /负数/],
    ['a fractional amount (below one fen)', (t) => t.replace('ceiling: "30万"', 'ceiling: "300000.125"'), 'items[1].ceiling', /分/],
    ['a fractional number of yuan', (t) => t.replace('ceiling: "15万"', 'ceiling: 150000.5'), 'items[2].ceiling', /整元/],
    ['a ceiling above a cap it must respect', (t) => t.replace('max: "100万"', 'max: "40万"'), 'items[0].ceiling', /高于其须遵守的上限/],
    ['a rule scoped to an item that does not exist', (t) => t.replace('scope: { items: ["std.*"] }', 'scope: { items: ["std.nowhere.*"] }'), 'rules[3].scope.items[0]', /不对应本版本的任何资助项目/],
    ['validity overlapping a published version without supersession', (t) => t.replace('effectiveFrom: "2026-01-01"', 'effectiveFrom: "2024-06-01"'), 'effectiveFrom', /重叠/],
    ['a cost share that does not add up', (t) => t.replace('- { payer: city, parts: 1 }\n      - { payer: county, parts: 1 }', '- { payer: city, percent: 40 }\n      - { payer: county, percent: 50 }'), 'rules[11].split', /合计为90%/],
    ['a schema violation (unknown key)', (t) => t.replace('    ceiling: "25万"', '    ceilling: "25万"'), 'items[4].ceilling', /不认识的字段/],
  ];

  it('the valid successor text passes (the rules below each break one thing in it)', async () => {
    const answer = await api.expect<{ valid: boolean; errors: unknown[] }>(officer, 200, { method: 'post', path: '/policy-versions/validate', body: { sourceText: valid('weihai-2026') } });
    expect(answer).toEqual({ valid: true, errors: [] });
  });

  for (const [index, [rule, breakIt, path, zh]] of rules.entries()) {
    it(`${rule}: validate names ${path}; the draft is kept but submit answers 400 naming it, and nothing moves`, async () => {
      const policyId = `weihai-bad-${index + 1}`;
      const text = breakIt(valid(policyId));
      const checked = await api.expect<{ valid: boolean; errors: Detail['validation']['errors'] }>(officer, 200, { method: 'post', path: '/policy-versions/validate', body: { sourceText: text } });
      expect(checked.valid).toBe(false);
      const error = checked.errors.find((e) => e.path === path);
      expect({ paths: checked.errors.map((e) => e.path) }).toEqual({ paths: expect.arrayContaining([path]) });
      expect(error?.message.zh).toMatch(zh);
      expect(error?.line).toBeGreaterThan(0);

      const draft = await api.expect<Detail>(officer, 201, { method: 'post', path: '/policy-versions', body: { policyId, sourceText: text } });
      expect(draft.validation.valid).toBe(false);
      const withCases = await api.expect<Detail>(officer, 200, { method: 'put', path: `/policy-versions/${draft.id}`, body: { version: draft.version, casesText: CASES } });
      const refused = await api.expect<ErrorBody>(officer, 400, { method: 'post', path: `/policy-versions/${draft.id}/submit`, body: { version: withCases.version } });
      expect(refused.code).toBe('policy_version_invalid');
      expect(refused.details.map((d) => d.path)).toContain(`sourceText.${path}`);
      expect(refused.details.find((d) => d.path === `sourceText.${path}`)?.message).toMatch(zh);
      const [row] = await h.rows<{ state: string; version: number; content_hash: string | null }>(`select state, version, content_hash from policy_versions where id = $1`, [draft.id]);
      expect(row).toEqual({ state: 'draft', version: withCases.version, content_hash: null });
      const submissions = await h.rows(`select 1 from audit_log where entity_id = $1 and action = 'policy_version.submitted'`, [draft.id]);
      expect(submissions).toEqual([]);
    });
  }

  it('a bad request is refused before anything is stored: policy id, missing origin, unknown origin', async () => {
    const before = await h.rows<{ n: number }>(`select count(*)::int as n from policy_versions`);
    const badId = await api.expect<ErrorBody>(officer, 400, { method: 'post', path: '/policy-versions', body: { policyId: 'Weihai 2026', sourceText: valid('weihai-2026') } });
    expect(badId.details.map((d) => d.path)).toContain('policyId');
    const noOrigin = await api.expect<ErrorBody>(officer, 400, { method: 'post', path: '/policy-versions', body: { policyId: 'weihai-2026' } });
    expect(noOrigin.details.map((d) => d.path)).toEqual(['basedOnId']);
    const unknown = await api.expect<ErrorBody>(officer, 400, { method: 'post', path: '/policy-versions', body: { policyId: 'weihai-2026', basedOnId: '00000000-0000-4000-8000-000000000000' } });
    expect(unknown.details.map((d) => d.path)).toEqual(['basedOnId']);
    const taken = await api.expect<ErrorBody>(officer, 409, { method: 'post', path: '/policy-versions', body: { policyId: 'weihai-2020', sourceText: WEIHAI_2020 } });
    expect(taken.code).toBe('policy_id_taken');
    expect(await h.rows<{ n: number }>(`select count(*)::int as n from policy_versions`)).toEqual(before);
  });

  it('approval validates again: a second version overlapping one published meanwhile is refused at approval, naming effectiveFrom', async () => {
    const submitted: Detail[] = [];
    for (const policyId of ['weihai-2026', 'weihai-2026b']) {
      const draft = await api.expect<Detail>(officer, 201, { method: 'post', path: '/policy-versions', body: { policyId, sourceText: valid(policyId) } });
      const saved = await api.expect<Detail>(officer, 200, { method: 'put', path: `/policy-versions/${draft.id}`, body: { version: draft.version, casesText: CASES } });
      expect(saved.validation.valid).toBe(true);
      submitted.push(await api.expect<Detail>(officer, 200, { method: 'post', path: `/policy-versions/${draft.id}/submit`, body: { version: saved.version } }));
    }
    await api.expect<Detail>(second, 200, { method: 'post', path: `/policy-versions/${submitted[0].id}/approve`, body: { version: submitted[0].version } });
    const refused = await api.expect<ErrorBody>(second, 400, { method: 'post', path: `/policy-versions/${submitted[1].id}/approve`, body: { version: submitted[1].version } });
    expect(refused.code).toBe('policy_version_invalid');
    expect(refused.details.map((d) => d.path)).toEqual(['sourceText.effectiveFrom']);
    expect(refused.details[0].message).toContain('weihai-2026');
    const [row] = await h.rows<{ state: string; content_hash: string | null }>(`select state, content_hash from policy_versions where id = $1`, [submitted[1].id]);
    expect(row).toEqual({ state: 'submitted', content_hash: null });
    // Returned with reasons by the second officer, it can be reworked (here: to supersede weihai-2026 from 2027).
    const returned = await api.expect<Detail & { returnReason: string }>(second, 200, { method: 'post', path: `/policy-versions/${submitted[1].id}/return`, body: { version: submitted[1].version, reason: '有效期与 weihai-2026 重叠' } });
    expect(returned).toMatchObject({ state: 'returned', returnReason: '有效期与 weihai-2026 重叠' });
    const reworked = await api.expect<Detail>(officer, 200, {
      method: 'put',
      path: `/policy-versions/${submitted[1].id}`,
      body: { version: returned.version, sourceText: `${valid('weihai-2026b').replace('effectiveFrom: "2026-01-01"', 'effectiveFrom: "2027-01-01"')}\nsupersedes: weihai-2026\n` },
    });
    expect(reworked.validation).toEqual({ valid: true, errors: [] });
  });
});
