import { join } from 'path';
import { compilePolicyObject, compilePolicyText, loadPolicyRepository, whatIf, whatIfVersions, type CalcRequest } from '@subsidy/policy';
import { parse } from 'yaml';
import { readFileSync } from 'fs';

const repo = loadPolicyRepository(join(__dirname, 'fixtures', 'valid'));
const [v2020, v2023] = repo.versions('acme');

const request: CalcRequest = {
  applicationDate: '2023-05-01',
  applicants: [
    {
      uscc: '91370000MA00000001',
      kind: 'enterprise',
      achievements: [
        { id: 'a1', type: 'standard', level: 'national', action: 'formulate', role: 'lead', publishedOn: '2023-01-01' },
        { id: 'a2', type: 'standard', level: 'industry', action: 'formulate', role: 'lead', publishedOn: '2023-01-01' },
      ],
    },
    {
      uscc: '91370000MA00000002',
      kind: 'enterprise',
      achievements: [{ id: 'b1', type: 'standard', level: 'national', action: 'formulate', role: 'lead', publishedOn: '2023-01-01' }],
    },
  ],
};

describe('what-if', () => {
  it('reports the difference per award item and in total between two versions', () => {
    const report = whatIf(request, v2020, v2023);
    expect(report.baseline).toMatchObject({ policyId: 'acme-2020', totalFen: 100_000_000 });
    expect(report.candidate).toMatchObject({ policyId: 'acme-2023', totalFen: 180_000_000 });
    expect(report.deltaFen).toBe(80_000_000);
    // a2 (industry) is not covered in 2020 (no line: nothing paid either way under "(none)"), 20万 in 2023.
    expect(report.byItem).toEqual([
      { itemId: 'std.industry.lead', baselineFen: 0, candidateFen: 20_000_000, deltaFen: 20_000_000, baselineCount: 0, candidateCount: 1 },
      { itemId: 'std.national.lead', baselineFen: 100_000_000, candidateFen: 160_000_000, deltaFen: 60_000_000, baselineCount: 2, candidateCount: 2 },
    ]);
    expect(report.perApplicant.map((a) => a.deltaFen)).toEqual([50_000_000, 30_000_000]);
  });

  it('evaluates a draft policy text against the version in force', () => {
    const text = readFileSync(join(__dirname, 'fixtures', 'valid', 'acme', 'acme-2023.yaml'), 'utf8').replace('ceiling: "80万"', 'ceiling: "60万"');
    const draft = compilePolicyText('draft.yaml', text);
    const report = whatIf(request, v2023, draft);
    expect(report.deltaFen).toBe(-40_000_000);
    expect(report.byItem.find((l) => l.itemId === 'std.national.lead')?.deltaFen).toBe(-40_000_000);
    expect(report.candidate.hash).not.toBe(report.baseline.hash);
  });

  it('compares stored versions by id and a draft given as an object', () => {
    expect(whatIfVersions(repo, 'acme', request, 'acme-2020', 'acme-2023').deltaFen).toBe(80_000_000);
    expect(() => whatIfVersions(repo, 'acme', request, 'acme-2020', 'acme-2099')).toThrow(/no version "acme-2099" of tenant "acme"; versions: acme-2020, acme-2023/);
    const draft = parse(readFileSync(join(__dirname, 'fixtures', 'valid', 'acme', 'acme-2023.yaml'), 'utf8'));
    draft.items[1].ceiling = '30万';
    expect(whatIf(request, v2023, compilePolicyObject('draft', draft)).deltaFen).toBe(10_000_000);
    draft.items[1].ceilng = '30万';
    expect(() => compilePolicyObject('draft', draft)).toThrow(/^draft:\d+: items\[1\]\.ceilng: unknown key "ceilng"$/);
  });
});
