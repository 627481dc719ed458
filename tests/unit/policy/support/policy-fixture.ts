import { compilePolicyText, evaluateWithPolicy, type Achievement, type Applicant, type CalcRequest, type CalcResult, type CompiledPolicy } from '@subsidy/policy';

/** A minimal valid policy header; tests append `items:` and `rules:` as YAML text. */
export const HEADER = `id: test-2024
tenant: test
title: 测试办法
issuers: [测试市人民政府]
effectiveFrom: "2020-01-01"
effectiveTo: null
source: { file: "002", lines: "1-2" }
districts: [甲区, 乙区]
`;

/** National/industry standard items (lead formulate 50万 ceiling, participate derived at 20%) plus a fixed leader item. */
export const STANDARD_ITEMS = `items:
  - { id: std.national.lead, name: 国家标准 主持, article: 第一条, source: "002:1", category: standard,
      match: { type: standard, level: national, role: lead }, ceiling: "50万" }
  - { id: std.national.participate, name: 国家标准 参与, article: 第一条, source: "002:1", category: standard,
      match: { type: standard, level: national, role: participate }, derive: { from: std.national.lead, percent: 20 } }
  - { id: std.industry.lead, name: 行业标准 主持, article: 第二条, source: "002:2", category: standard,
      match: { type: standard, level: industry, role: lead }, ceiling: "20万" }
  - { id: leader.national, name: 国家级领跑者, article: 第三条, source: "002:3", category: leader,
      match: { type: leader, level: national }, fixed: "10万" }
  - { id: leader.provincial, name: 省级领跑者, article: 第三条, source: "002:3", category: leader,
      match: { type: leader, level: provincial }, fixed: "5万" }
`;

export function policyOf(yaml: string): CompiledPolicy {
  return compilePolicyText('test.yaml', yaml);
}

/** A policy with the standard items and the given rules (YAML list items, indented by two spaces). */
export function policyWithRules(rules: string, items: string = STANDARD_ITEMS): CompiledPolicy {
  return policyOf(`${HEADER}${items}rules:\n${rules}`);
}

export function standard(id: string, extra: Record<string, unknown> = {}): Achievement {
  return { id, type: 'standard', level: 'national', action: 'formulate', role: 'lead', draftingRank: 1, standardNo: `GB/T ${id}`, publishedOn: '2023-06-01', ...extra };
}

export function leader(id: string, extra: Record<string, unknown> = {}): Achievement {
  return { id, type: 'leader', level: 'national', enterpriseStandardNo: `Q/${id}`, recognizedOn: '2023-06-01', ...extra };
}

export function applicantWith(achievements: Achievement[], extra: Partial<Applicant> = {}): Applicant {
  return { uscc: '91370000MA00000001', kind: 'enterprise', district: '甲区', achievements, ...extra };
}

export function requestOf(applicants: Applicant[], extra: Partial<CalcRequest> = {}): CalcRequest {
  return { applicationDate: '2024-03-20', programYear: 2024, applicants, ...extra };
}

export function run(policy: CompiledPolicy, achievements: Achievement[], applicant: Partial<Applicant> = {}, request: Partial<CalcRequest> = {}): CalcResult {
  return evaluateWithPolicy(policy, requestOf([applicantWith(achievements, applicant)], request));
}

/** id -> [amountFen, reasons] of the first applicant, for compact assertions. */
export function amounts(result: CalcResult): Record<string, number> {
  return Object.fromEntries(result.applicants[0].items.map((i) => [i.achievementId, i.amountFen]));
}

export function reasons(result: CalcResult): Record<string, string[]> {
  return Object.fromEntries(result.applicants[0].items.map((i) => [i.achievementId, i.reasons]));
}
