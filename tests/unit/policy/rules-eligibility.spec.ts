import { evaluateWithPolicy } from '@subsidy/policy';
import { amounts, applicantWith, leader, policyWithRules, reasons, requestOf, run, standard } from './support/policy-fixture';

describe('eligibility rules', () => {
  it('applicant_kind rejects other applicant kinds', () => {
    const policy = policyWithRules('  - { kind: applicant_kind, article: 第二条, source: "002:2", kinds: [enterprise] }\n');
    expect(amounts(run(policy, [standard('a1')]))).toEqual({ a1: 50_000_000 });
    const result = run(policy, [standard('a1')], { kind: 'individual' });
    expect(reasons(result)).toEqual({ a1: ['ineligible_applicant'] });
    expect(result.applicants[0].items[0].trace.at(-1)).toMatchObject({ rule: 'applicant_kind', article: '第二条', amountFen: 0 });
  });

  it('registered_in_tenant checks the district, with exempt kinds', () => {
    const policy = policyWithRules('  - { kind: registered_in_tenant, article: 第二条, source: "002:2", exemptKinds: [service_agency] }\n');
    expect(reasons(run(policy, [standard('a1')], { district: '外区' }))).toEqual({ a1: ['ineligible_applicant'] });
    // No district and no map to read the credit code against: the caller is told which field, never silently refused.
    expect(() => run(policy, [standard('a1')], { district: undefined })).toThrow(/\$\.applicants\[0\]\.district/);
    expect(amounts(run(policy, [standard('a1')], { district: '乙区' }))).toEqual({ a1: 50_000_000 });
    expect(amounts(run(policy, [standard('a1')], { district: '外区', kind: 'service_agency' }))).toEqual({ a1: 50_000_000 });
  });

  it('registered_in_tenant places an applicant without a district by its credit code, naming the code read', () => {
    const policy = policyWithRules('  - { kind: registered_in_tenant, article: 第二条, source: "002:2" }\n');
    const geography = { divisionCode: '370100', districts: [{ code: '370102', name: '甲区' }] };
    const place = (division: string) =>
      evaluateWithPolicy(policy, requestOf([applicantWith([standard('a1')], { district: undefined, uscc: `91${division}MA3C4X5Y6Z` })]), geography);
    const inDistrict = place('370102');
    expect(amounts(inDistrict)).toEqual({ a1: 50_000_000 });
    expect(inDistrict.applicants[0].items[0].trace.map((t) => t.text.zh).join()).toContain('370102 确定注册地为甲区');
    const inCity = place('370100');
    expect(amounts(inCity)).toEqual({ a1: 50_000_000 });
    expect(inCity.applicants[0].items[0].trace.map((t) => t.text.zh).join()).toContain('所在区县未定');
    const elsewhere = place('330106');
    expect(reasons(elsewhere)).toEqual({ a1: ['ineligible_applicant'] });
    expect(elsewhere.applicants[0].items[0].trace.at(-1)).toMatchObject({ rule: 'registered_in_tenant', article: '第二条', amountFen: 0 });
    expect(elsewhere.applicants[0].items[0].trace.at(-1)?.text.zh).toContain('330106');
    expect(() => place('370000')).toThrow(/\$\.applicants\[0\]\.district/);
  });

  it('drafting_rank limits lead and participant ranks', () => {
    const policy = policyWithRules('  - { kind: drafting_rank, article: 第七条, source: "002:7", lead: { max: 1 }, participate: { min: 2, max: 3 } }\n');
    const result = run(policy, [
      standard('a1', { draftingRank: 2 }),
      standard('a2', { draftingRank: undefined }),
      standard('a3', { role: 'participate', draftingRank: 3 }),
      standard('a4', { role: 'participate', draftingRank: 4 }),
      standard('a5', { role: 'participate', draftingRank: undefined }),
    ]);
    expect(amounts(result)).toEqual({ a1: 0, a2: 50_000_000, a3: 10_000_000, a4: 0, a5: 0 });
    expect(reasons(result).a4).toEqual(['rank_too_low']);
  });

  it('drafting_rank `any` applies whatever the role', () => {
    const policy = policyWithRules('  - { kind: drafting_rank, article: 第十条, source: "002:10", any: { max: 3 } }\n');
    expect(amounts(run(policy, [standard('a1', { role: 'participate', draftingRank: 3 }), standard('a2', { role: 'participate', draftingRank: 4 })]))).toEqual({ a1: 10_000_000, a2: 0 });
  });

  describe('period windows (application 2024-03-20, program year 2024)', () => {
    const window = (spec: string) => policyWithRules(`  - { kind: period, article: 第十五条, source: "002:15", ${spec} }\n`);
    const on = (date: string) => standard('a1', { publishedOn: date });
    const paid = (spec: string, date: string) => amounts(run(window(spec), [on(date)])).a1 > 0;

    it('previous_year', () => {
      expect(paid('window: previous_year', '2023-12-31')).toBe(true);
      expect(paid('window: previous_year', '2024-01-02')).toBe(false);
      expect(paid('window: previous_year', '2022-12-31')).toBe(false);
    });
    it('application_year', () => {
      expect(paid('window: application_year', '2024-01-02')).toBe(true);
      expect(paid('window: application_year', '2024-03-21')).toBe(false);
      expect(paid('window: application_year', '2023-12-31')).toBe(false);
    });
    it('recent_years (calendar)', () => {
      expect(paid('window: recent_years, years: 2', '2022-01-01')).toBe(true);
      expect(paid('window: recent_years, years: 2', '2021-12-31')).toBe(false);
    });
    it('within_years (rolling)', () => {
      expect(paid('window: within_years, years: 2', '2022-03-20')).toBe(true);
      expect(paid('window: within_years, years: 2', '2022-03-19')).toBe(false);
      expect(paid('window: within_years, years: 2', '2024-03-21')).toBe(false);
    });
    it('within_months', () => {
      expect(paid('window: within_months, months: 12', '2023-03-20')).toBe(true);
      expect(paid('window: within_months, months: 12', '2023-03-19')).toBe(false);
    });
    it('since a date or the effective date', () => {
      expect(paid('window: since, from: "2023-06-01"', '2023-06-01')).toBe(true);
      expect(paid('window: since, from: "2023-06-01"', '2023-05-31')).toBe(false);
      expect(paid('window: since, from: effectiveFrom', '2019-12-31')).toBe(false);
      expect(paid('window: since, from: effectiveFrom', '2020-01-01')).toBe(true);
    });
    it('held_for a number of months and not revoked', () => {
      const policy = window('window: held_for, months: 12');
      expect(amounts(run(policy, [leader('a1', { recognizedOn: '2023-03-20' })])).a1).toBe(10_000_000);
      expect(amounts(run(policy, [leader('a1', { recognizedOn: '2023-03-21' })])).a1).toBe(0);
      expect(amounts(run(policy, [leader('a1', { recognizedOn: '2022-01-01', revokedOn: '2024-01-01' })])).a1).toBe(0);
    });
    it('a missing date is outside every window, and dateField overrides the date', () => {
      expect(reasons(run(window('window: previous_year'), [standard('a1', { publishedOn: undefined })]))).toEqual({ a1: ['outside_period'] });
      const implemented = window('window: previous_year, dateField: implementedOn');
      expect(amounts(run(implemented, [standard('a1', { publishedOn: '2022-05-01', implementedOn: '2023-01-01' })])).a1).toBe(50_000_000);
    });
    it('scope limits the rule to some items', () => {
      const policy = policyWithRules('  - { kind: period, article: 第十五条, source: "002:15", window: application_year, scope: { items: ["leader.*"] } }\n');
      expect(amounts(run(policy, [standard('a1'), leader('a2')]))).toEqual({ a1: 50_000_000, a2: 0 });
    });
  });

  it('application_window limits the application date', () => {
    const policy = policyWithRules('  - { kind: application_window, article: 第六条, source: "002:6", from: "10-01", to: "12-31" }\n');
    expect(reasons(run(policy, [standard('a1')]))).toEqual({ a1: ['outside_period'] });
    expect(amounts(run(policy, [standard('a1')], {}, { applicationDate: '2024-10-01' })).a1).toBe(50_000_000);
  });
});
