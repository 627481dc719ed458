import type { Locale } from '../../i18n/locale';
import type { DeadlineStage, ProcedureCitation } from './types';

/**
 * The words officers read for the program settings and the engine's explanation: review stages, settings a text
 * binds, funding sources, achievement types and the engine's reasons. Internal values never reach the screen: a value
 * this file does not know reads "其他" / "Other".
 */
type Pair = readonly [zh: string, en: string];

function pick(table: Record<string, Pair>, value: string | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '—';
  const entry = table[value];
  if (entry) return locale === 'zh' ? entry[0] : entry[1];
  return locale === 'zh' ? '其他' : 'Other';
}

const STAGES: Record<DeadlineStage, Pair> = {
  formal_check: ['形式审查', 'Formal check'],
  district_review: ['区级初审', 'District pre-review'],
  technical_review: ['技术审查', 'Technical review'],
  expert_review: ['专家评审', 'Expert review'],
  correction: ['补正', 'Correction'],
};
/** Steps of the review history after the review stages: the decision and an objection's review. */
const HISTORY_STAGES: Record<string, Pair> = {
  decision: ['资助决定', 'Decision'],
  objection_review: ['异议复核', 'Objection review'],
};
export const stageLabel = (stage: string, locale: Locale): string => pick({ ...STAGES, ...HISTORY_STAGES }, stage, locale);

const KINDS: Record<string, Pair> = { batch: ['集中申报', 'Batch call'], rolling: ['常年受理', 'All-year (rolling)'] };
export const callKindLabel = (kind: string, locale: Locale): string => pick(KINDS, kind, locale);

const RULES: Record<string, Pair> = { pro_rata: ['按比例核减', 'Cut pro rata'], rank_order: ['按排序核定', 'In rank order'] };
export const budgetRuleLabel = (rule: string, locale: Locale): string => pick(RULES, rule, locale);

const UNITS: Record<string, Pair> = { calendar: ['自然日', 'calendar days'], working: ['工作日', 'working days'] };
export const dayUnitLabel = (unit: string, locale: Locale): string => pick(UNITS, unit, locale);

/** A funding source: the city's treasury, matching funds, or a district's (named by the caller from the tenant's list). */
export function sourceLabel(source: string, locale: Locale): string {
  if (source === 'city') return locale === 'zh' ? '市级财政' : 'City treasury';
  if (source === 'matching') return locale === 'zh' ? '配套资金' : 'Matching funds';
  if (source.startsWith('district:')) return locale === 'zh' ? '区（县）级财政' : 'District treasury';
  return locale === 'zh' ? '其他' : 'Other';
}

/** The program setting a citation binds, in words ("review.stages.expert_review" → 专家评审环节). */
const SETTINGS: Record<string, Pair> = {
  'window.kind': ['申报方式', 'Kind of call'],
  window: ['受理时段', 'Receiving period'],
  'review.stages.formal_check': ['形式审查环节', 'Formal check'],
  'review.stages.district_review': ['区级初审环节', 'District pre-review'],
  'review.stages.technical_review': ['技术审查环节', 'Technical review'],
  'review.stages.expert_review': ['专家评审环节', 'Expert review'],
  'review.stageOrder': ['审查顺序', 'Order of the stages'],
  'review.formalCheckWorkingDays': ['形式审查时限', 'Formal check deadline'],
  'review.correctionWorkingDays': ['补正期限', 'Correction period'],
  'review.publicity': ['公示期', 'Publicity period'],
  'review.panel': ['评审专家组', 'Expert panel'],
};
export const settingLabel = (path: string, locale: Locale): string => pick(SETTINGS, path, locale);

/** The citations that bind one setting (an exact path, or a path under it: "review.stages" finds every stage). */
export function citationsFor(citations: readonly ProcedureCitation[] | undefined, path: string): ProcedureCitation[] {
  return (citations ?? []).filter((c) => c.path === path || c.path.startsWith(`${path}.`));
}

export const ACHIEVEMENT_TYPES: Record<string, Pair> = {
  standard: ['标准制修订', 'Standard'],
  committee_secretariat: ['标准化技术组织秘书处', 'Committee secretariat'],
  standardization_pilot: ['标准化试点示范', 'Standardization pilot'],
  leader: ['企业标准“领跑者”', 'Standards leader'],
  innovation_award: ['标准创新贡献奖', 'Standards innovation award'],
  good_conduct: ['良好行为企业', 'Good conduct'],
  international_meeting: ['承办国际标准化会议', 'International meeting'],
  foreign_adoption: ['采用国际标准', 'Adoption of an international standard'],
  innovation_base: ['技术标准创新基地', 'Standards innovation base'],
  benchmarking: ['对标达标', 'Benchmarking'],
  recognition: ['其他表彰', 'Recognition'],
};
export const achievementTypeLabel = (type: string, locale: Locale): string => pick(ACHIEVEMENT_TYPES, type, locale);

const LEVELS: Record<string, Pair> = {
  international: ['国际标准', 'International'],
  national: ['国家标准', 'National'],
  industry: ['行业标准', 'Industry'],
  local: ['地方标准', 'Local'],
  group: ['团体标准', 'Group'],
  enterprise: ['企业标准', 'Enterprise'],
  province: ['省级', 'Provincial'],
  city: ['市级', 'City'],
  district: ['区级', 'District'],
};
export const levelLabel = (level: string, locale: Locale): string => pick(LEVELS, level, locale);

const ACTIONS: Record<string, Pair> = { formulate: ['制定', 'Formulated'], revise: ['修订', 'Revised'] };
const ROLES: Record<string, Pair> = { lead: ['主导起草', 'Lead drafter'], participate: ['参与起草', 'Participating drafter'] };
export const actionLabel = (action: string, locale: Locale): string => pick(ACTIONS, action, locale);
export const draftingRoleLabel = (role: string, locale: Locale): string => pick(ROLES, role, locale);

/** Why the engine paid less or nothing (libs/policy/src/contract.ts `Reason`). */
const REASONS: Record<string, Pair> = {
  not_covered: ['不属于本办法资助范围', 'Not covered by the text'],
  ineligible_applicant: ['申报单位不符合条件', 'Applicant not eligible'],
  rank_too_low: ['起草排名不在资助范围内', 'Drafting rank too low'],
  outside_period: ['不在规定的时间范围内', 'Outside the period'],
  sanctioned: ['处于限制申报期内', 'Barred by a sanction'],
  already_funded: ['已获资助，不重复资助', 'Already funded'],
  superseded: ['已由更高层级事项替代', 'Superseded'],
  lower_after_higher: ['已获更高层级资助', 'Lower level after a higher one'],
  count_limit: ['超过数量上限', 'Count limit reached'],
  category_limit: ['超过类别上限', 'Category limit reached'],
  cap_costs: ['以实际发生费用为限', 'Capped at the actual costs'],
  cap_group: ['超过同类合计上限', 'Group cap'],
  cap_applicant_year: ['超过单位年度上限', 'Yearly cap per applicant'],
  cap_fund_share: ['超过资金总额比例上限', 'Share of the fund'],
  cap_request_total: ['以申请金额为限', 'Capped at the amount requested'],
  missing_input: ['缺少必要信息', 'Information missing'],
};
export const reasonLabel = (reason: string, locale: Locale): string => pick(REASONS, reason, locale);

const BASES: Record<string, Pair> = { fixed: ['定额', 'Fixed amount'], ceiling: ['最高限额', 'Up to a ceiling'] };
export const basisLabel = (basis: string | null, locale: Locale): string => pick(BASES, basis, locale);

const OUTCOMES: Record<string, Pair> = {
  awarded: ['予以资助', 'Awarded'],
  rejected: ['不予资助', 'Not awarded'],
  complete: ['审查通过', 'Passed'],
  forward: ['初审通过并报送', 'Forwarded'],
  return: ['退回', 'Returned'],
  correction: ['退回补正', 'Returned for correction'],
  reject: ['不予通过', 'Rejected'],
  lapsed: ['逾期未补正', 'Lapsed'],
  upheld: ['异议成立', 'Objection upheld'],
  panel_drawn: ['抽取评审专家', 'Panel drawn'],
  panel_member_ruled_out: ['专家回避', 'Expert ruled out'],
  conflict_declared: ['专家声明利益冲突', 'Conflict declared'],
  scored: ['专家已评分', 'Scored'],
  scoring_deadline_passed: ['评分期限已过', 'Scoring deadline passed'],
  decided: ['作出资助决定', 'Decided'],
  dismissed: ['异议不成立', 'Objection dismissed'],
};
export const outcomeLabel = (outcome: string, locale: Locale): string => pick(OUTCOMES, outcome, locale);

/** Yuan typed in a form (already checked by parseYuanToFen) → the JSON integer the program body takes. */
export function fenToJsonInteger(fen: string): number {
  const value = Number(fen);
  if (!/^\d+$/.test(fen) || !Number.isSafeInteger(value)) throw new Error('amount out of range');
  return value;
}

/** What an audit record of an application says happened (`application.<verb>`), in words. */
const AUDIT_ACTIONS: Record<string, Pair> = {
  'application.created': ['创建申报', 'Application started'],
  'application.achievements-replaced': ['填报申报成果', 'Achievements entered'],
  'application.declared': ['作出真实性承诺', 'Declared true'],
  'application.submitted': ['提交申报', 'Submitted'],
  'application.resubmitted': ['补正后重新提交', 'Resubmitted'],
  'application.withdrawn': ['撤回申报', 'Withdrawn'],
  'application.formal-check-passed': ['形式审查通过', 'Formal check passed'],
  'application.formal-check-overdue': ['形式审查逾期', 'Formal check overdue'],
  'application.rejected-in-formal-check': ['形式审查不予受理', 'Rejected at the formal check'],
  'application.returned-for-correction': ['退回补正', 'Returned for correction'],
  'application.lapsed': ['逾期未补正，申报失效', 'Lapsed'],
  'application.district-review-passed': ['区级初审通过', 'District pre-review passed'],
  'application.district-review-in-place': ['代为完成区级初审', 'District review done in place'],
  'application.rejected-in-district-review': ['区级初审不予通过', 'Rejected at the district pre-review'],
  'application.technical-opinion-recorded': ['录入技术审查意见', 'Technical opinion recorded'],
  'application.technical-review-completed': ['技术审查完成', 'Technical review completed'],
  'application.panel-drawn': ['抽取评审专家', 'Panel drawn'],
  'application.panel-topped-up': ['补抽评审专家', 'Panel topped up'],
  'application.panel-member-ruled-out': ['专家回避', 'Expert ruled out'],
  'application.panel-conflict-declared': ['专家声明利益冲突', 'Conflict declared'],
  'application.panel-scored': ['专家评分', 'Scored'],
  'application.panel-deadline-passed': ['专家评分期限已过', 'Scoring deadline passed'],
  'application.expert-review-completed': ['专家评审完成', 'Expert review completed'],
  'application.review-reassigned': ['改派审查人员', 'Review reassigned'],
  'application.stage-due-moved': ['调整环节时限', 'Stage deadline moved'],
  'application.stage-overdue': ['环节逾期', 'Stage overdue'],
  'application.scaled': ['按预算核减', 'Scaled to the budget'],
  'application.budget-applied': ['按预算规则核定金额', 'Budget rule applied'],
  'application.returned': ['退回', 'Returned'],
  'application.decided': ['作出资助决定', 'Decided'],
  'application.decision-corrected': ['更正资助决定', 'Decision corrected'],
  'application.decision-reopened': ['重新决定', 'Decision reopened'],
  'application.rejected': ['决定不予资助', 'Not approved'],
  'application.in-publicity': ['进入公示', 'In publicity'],
  'application.objection-received': ['收到异议', 'Objection received'],
  'application.approved': ['公示期满，予以通过', 'Approved'],
  'application.handed-over': ['移交财政', 'Handed over to finance'],
  'application.expert-no-conflict-declared': ['专家声明无利益冲突', 'No conflict of interest declared'],
  'evidence.uploaded': ['上传证明材料', 'Evidence uploaded'],
  'evidence.deleted': ['删除证明材料', 'Evidence removed'],
};
export const auditActionLabel = (action: string, locale: Locale): string => pick(AUDIT_ACTIONS, action, locale);
