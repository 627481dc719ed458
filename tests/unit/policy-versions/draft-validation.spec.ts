import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { compilePolicyText } from '@subsidy/policy';
import { runVersionCases } from '../../../libs/policy-versions/src/drafting/case-run';
import { validatePolicyText } from '../../../libs/policy-versions/src/drafting/validation/validate-policy-text';

const DIR = join(__dirname, '..', '..', '..', 'config', 'policies');
const weihai = readFileSync(join(DIR, 'weihai', 'weihai-2020.yaml'), 'utf8');
const asDraft = (text: string): string => text.replace(/^id: weihai-2020$/m, 'id: weihai-2026').replace(/^effectiveFrom: .*$/m, 'effectiveFrom: "2026-01-01"').replace(/^effectiveTo: .*$/m, 'effectiveTo: "2028-12-31"');
const context = { tenantId: 'weihai', policyId: 'weihai-2026', published: [{ policyId: 'weihai-2020', effectiveFrom: '2020-01-01', effectiveTo: '2024-12-31' }] };

describe('drafting validation of a policy version text (issue 11)', () => {
  it('accepts every seed file as its own version', () => {
    for (const tenant of readdirSync(DIR).filter((t) => !t.includes('.'))) {
      for (const name of readdirSync(join(DIR, tenant)).filter((n) => n.endsWith('.yaml'))) {
        const report = validatePolicyText(readFileSync(join(DIR, tenant, name), 'utf8'), { tenantId: tenant, policyId: name.replace(/\.yaml$/, ''), published: [] });
        expect({ file: name, errors: report.errors }).toEqual({ file: name, errors: [] });
      }
    }
  });

  it('accepts the Weihai 2026 draft and refuses each broken variant naming the path in Chinese', () => {
    expect(validatePolicyText(asDraft(weihai), context).errors).toEqual([]);
    const cases: Array<[string, string, string]> = [
      ['negative', asDraft(weihai).replace('ceiling: "50万"\n  - id: std.intl.formulate', 'ceiling: "-50万"\n  - id: std.intl.formulate'), 'items[0].ceiling'],
      ['fractional', asDraft(weihai).replace('ceiling: "30万"', 'ceiling: 300000.5'), 'items[1].ceiling'],
      ['finer than a fen', asDraft(weihai).replace('ceiling: "30万"', 'ceiling: "300000.123"'), 'items[1].ceiling'],
      ['above the cap', asDraft(weihai).replace('max: "100万"', 'max: "40万"'), 'items[0].ceiling'],
      ['scope to a missing item', asDraft(weihai).replace('scope: { items: ["std.*"] }', 'scope: { items: ["std.nowhere"] }'), 'rules[3].scope.items[0]'],
      ['overlap', asDraft(weihai).replace('effectiveFrom: "2026-01-01"', 'effectiveFrom: "2024-01-01"'), 'effectiveFrom'],
      ['cost share', asDraft(weihai).replace('- { payer: city, parts: 1 }\n      - { payer: county, parts: 1 }', '- { payer: city, percent: 40 }\n      - { payer: county, percent: 50 }'), 'rules[11].split'],
    ];
    for (const [label, text, path] of cases) {
      const report = validatePolicyText(text, context);
      expect({ label, valid: report.valid }).toEqual({ label, valid: false });
      const error = report.errors.find((e) => e.path === path);
      expect({ label, paths: report.errors.map((e) => e.path), found: error !== undefined }).toEqual({ label, paths: expect.arrayContaining([path]), found: true });
      expect(error?.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(error?.line).toBeGreaterThan(0);
    }
  });

  it('allows an overlap only with an explicit supersession of an earlier version', () => {
    const overlapping = asDraft(weihai).replace('effectiveFrom: "2026-01-01"', 'effectiveFrom: "2024-01-01"');
    expect(validatePolicyText(`${overlapping}\nsupersedes: weihai-2020\n`, context).errors).toEqual([]);
    const wrong = validatePolicyText(`${overlapping}\nsupersedes: weihai-1999\n`, context);
    expect(wrong.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['supersedes', 'effectiveFrom']));
  });

  it('refuses an alias bomb as a YAML error instead of expanding it', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    const report = validatePolicyText(bomb, context);
    expect(report.valid).toBe(false);
    expect(report.errors).toEqual([expect.objectContaining({ path: '$', message: expect.objectContaining({ zh: expect.stringContaining('YAML') }) })]);
  });

  it('runs a case table against the draft alone, a malformed case failing without breaking the others', () => {
    const draft = compilePolicyText('draft', asDraft(weihai).replace('ceiling: "50万"\n  - id: std.national.revise.lead', 'ceiling: "60万"\n  - id: std.national.revise.lead').replace(/(std\.national\.formulate\.lead[\s\S]*?)ceiling: "50万"/, '$1ceiling: "60万"'));
    const old = compilePolicyText('old', weihai);
    const lead = '{ id: a1, type: standard, level: national, action: formulate, role: lead, draftingRank: 1, standardNo: "GB/T 1-2025", publishedOn: "2025-06-01" }';
    const cases = `tenant: weihai
defaults: { applicationDate: "2026-03-20", programYear: 2026, applicant: { uscc: "91371000MA3C4W1X2Y", name: "威海示例有限公司", kind: enterprise, district: "环翠区" } }
cases:
  - { name: raised, article: 第六条, source: x, achievements: [${lead}], expect: { totalFen: 60000000 } }
  - { name: old date, article: 第六条, source: x, applicationDate: "2024-03-20", programYear: 2024, achievements: [${lead.replace('2025-06-01', '2023-06-01')}], expect: { totalFen: 50000000 } }
  - { name: malformed, article: 第六条, source: x, achievements: [${lead}], expect: { applicants: 7 } }
`;
    const run = runVersionCases(cases, draft, [old]);
    expect(run.results.map((r) => [r.name, r.passed])).toEqual([['raised', true], ['old date', true], ['malformed', false]]);
    expect(run.results[2].problems[0]).toMatch(/案例格式有误/);
  });
});
