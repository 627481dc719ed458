import type { Locale } from '../../i18n/locale';
import { getAt, parsePath } from './policy-document';

/**
 * The words for the policy document's own keys and rule kinds (libs/policy/FORMAT.md), so a validation error's JSON
 * path reads as the officer knows the form: 资助项目第4项「国家标准 主持制定」› 最高金额, never `items[3].ceiling`.
 */
type Words = Record<string, readonly [zh: string, en: string]>;

export const FIELD_WORDS: Words = {
  id: ['编号', 'Identifier'],
  tenant: ['所属地区', 'Tenant'],
  title: ['标题', 'Title'],
  documentNo: ['文号', 'Document No.'],
  issuers: ['发布机关', 'Issued by'],
  published: ['发布日期', 'Published on'],
  effectiveFrom: ['有效期起', 'In force from'],
  effectiveTo: ['有效期止', 'In force until'],
  supersedes: ['替代的版本', 'Supersedes'],
  source: ['原文出处', 'Source line'],
  districts: ['适用区县', 'Districts'],
  items: ['资助项目', 'Award items'],
  rules: ['规则', 'Rules'],
  procedure: ['申报程序', 'Procedure'],
  notes: ['备注', 'Notes'],
  name: ['名称', 'Name'],
  en: ['英文名称', 'English name'],
  article: ['政策条款', 'Article'],
  category: ['类别', 'Category'],
  match: ['适用条件', 'Matches'],
  fixed: ['定额金额', 'Fixed amount'],
  ceiling: ['最高金额', 'Ceiling'],
  derive: ['按其他项目比例', 'Derived amount'],
  rate: ['按比例', 'Rate'],
  basis: ['资助方式', 'Basis'],
  stack: ['追加项目', 'Add-on'],
  payment: ['支付方式', 'Payment'],
  kind: ['规则类型', 'Rule kind'],
  scope: ['适用范围', 'Scope'],
  max: ['上限', 'Maximum'],
  min: ['下限', 'Minimum'],
  percent: ['比例（%）', 'Percent'],
  years: ['年数', 'Years'],
  months: ['月数', 'Months'],
  window: ['期间', 'Window'],
  from: ['起', 'From'],
  to: ['止', 'To'],
  kinds: ['类型', 'Kinds'],
  mode: ['方式', 'Mode'],
  per: ['计数单位', 'Counted per'],
  split: ['分担比例', 'Split'],
  byDistrict: ['按区县分担', 'By district'],
  byApplicantKind: ['按单位类型分担', 'By applicant kind'],
  byRevenueSharing: ['按财政收入分享比例', 'By revenue sharing'],
  applicantKinds: ['适用单位类型', 'Applicant kinds'],
  plan: ['支付计划', 'Plan'],
  installments: ['分期', 'Instalments'],
  raised: ['提高的上限', 'Raised cap'],
  when: ['条件', 'When'],
  lookbackYears: ['追溯年数', 'Look-back years'],
  lookback: ['追溯期间', 'Look-back'],
  groupBy: ['分组方式', 'Grouped by'],
  sameYear: ['同一年度', 'Same year'],
  required: ['必须', 'Required'],
  dateField: ['日期字段', 'Date field'],
  sources: ['资助来源', 'Funding sources'],
  levels: ['级别顺序', 'Level order'],
  lead: ['主持', 'Lead'],
  participate: ['参与', 'Participate'],
  any: ['不限角色', 'Any role'],
  exemptKinds: ['豁免单位类型', 'Exempt kinds'],
  calls: ['申报方式', 'Calls'],
  rollingItems: ['全年受理的项目', 'Rolling items'],
  stages: ['审查环节', 'Review stages'],
  order: ['顺序', 'Order'],
  formalCheck: ['形式审查时限', 'Formal check deadline'],
  correction: ['补正期限', 'Correction deadline'],
  publicity: ['公示', 'Publicity'],
  expertExclusion: ['专家回避', 'Expert exclusion'],
  allocationApproval: ['资金审批', 'Allocation approval'],
  workingDays: ['工作日', 'Working days'],
  days: ['天数', 'Days'],
  unit: ['单位', 'Unit'],
  by: ['审批机关', 'Approved by'],
  type: ['成果类型', 'Achievement type'],
  except: ['除外', 'Except'],
  categories: ['类别', 'Categories'],
  types: ['成果类型', 'Types'],
  file: ['文件', 'File'],
  lines: ['行', 'Lines'],
  payer: ['出资方', 'Payer'],
  parts: ['份数', 'Parts'],
  of: ['计算基数', 'Of'],
  uscc: ['信用代码', 'Credit code'],
};

export const RULE_KIND_WORDS: Words = {
  applicant_kind: ['申报单位类型', 'Applicant kinds'],
  registered_in_tenant: ['本地注册', 'Registered locally'],
  application_window: ['申报时间', 'Application window'],
  drafting_rank: ['起草排名', 'Drafting rank'],
  period: ['成果时间', 'Achievement period'],
  sanction: ['处罚排除', 'Sanctions'],
  fraud_ban: ['失信禁入', 'Fraud ban'],
  other_funding: ['其他资金不重复资助', 'Other funding'],
  prior_award: ['以往资助不重复资助', 'Prior awards'],
  highest_only: ['从高不重复', 'Highest only'],
  series: ['系列标准计为一项', 'Series'],
  count_limit: ['数量上限', 'Count limit'],
  category_limit: ['类别数上限', 'Category limit'],
  cap_item: ['单项上限', 'Cap per item'],
  cap_costs: ['不超过实际费用', 'Cap on costs'],
  cap_group: ['项目组合上限', 'Group cap'],
  cap_applicant_year: ['每单位每年上限', 'Cap per applicant a year'],
  cap_fund_share: ['占资金总额比例上限', 'Cap on fund share'],
  cap_request_total: ['全部申报总额上限', 'Cap on the whole call'],
  request_count_limit: ['全部申报数量上限', 'Count limit over the call'],
  scale: ['按比例调整', 'Scaling'],
  cost_share: ['资金分担', 'Cost share'],
  payment_plan: ['支付计划', 'Payment plan'],
};

/** The rule cards' groups, in the order the issue names them; kinds not listed go to 其他规则. */
export const RULE_GROUPS: ReadonlyArray<{ key: string; words: readonly [string, string]; kinds: readonly string[] }> = [
  { key: 'caps', words: ['金额上限', 'Caps'], kinds: ['cap_item', 'cap_costs', 'cap_group', 'cap_applicant_year', 'cap_fund_share', 'cap_request_total', 'scale'] },
  { key: 'counts', words: ['数量限制', 'Counts'], kinds: ['count_limit', 'category_limit', 'request_count_limit', 'series', 'highest_only'] },
  { key: 'exclusions', words: ['排除情形', 'Exclusions'], kinds: ['sanction', 'fraud_ban'] },
  { key: 'double', words: ['不重复资助', 'No double funding'], kinds: ['other_funding', 'prior_award'] },
  { key: 'shares', words: ['资金分担', 'Cost shares'], kinds: ['cost_share'] },
  { key: 'windows', words: ['申报时间与成果期间', 'Windows and periods'], kinds: ['application_window', 'period'] },
  { key: 'payments', words: ['支付计划', 'Payment plans'], kinds: ['payment_plan'] },
  { key: 'eligibility', words: ['申报资格', 'Eligibility'], kinds: ['applicant_kind', 'registered_in_tenant', 'drafting_rank'] },
];

/** Keys that hold money in 元/万元 (FORMAT.md section 2), wherever they appear in a rule or item. */
export const MONEY_KEYS = new Set(['fixed', 'ceiling', 'max']);
/** Rule kinds whose `max` is a count, not money. */
export const COUNT_KINDS = new Set(['count_limit', 'category_limit', 'request_count_limit', 'prior_award', 'drafting_rank']);

export function wordFor(words: Words, key: string, locale: Locale): string {
  const entry = words[key];
  if (entry) return locale === 'zh' ? entry[0] : entry[1];
  return locale === 'zh' ? '其他' : 'Other';
}

/** A field path in the officer's words: 资助项目第4项「国家标准 主持制定」› 最高金额. */
export function describePath(path: string, document: unknown, locale: Locale): string {
  const parts = parsePath(path);
  if (parts.length === 0) return locale === 'zh' ? '整个文件' : 'The whole text';
  const out: string[] = [];
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index];
    if (typeof part === 'number') {
      const parent = parts[index - 1];
      const entry = getAt(document, parts.slice(0, index + 1)) as Record<string, unknown> | undefined;
      const ordinal = locale === 'zh' ? `第${part + 1}${parent === 'rules' ? '条' : '项'}` : `#${part + 1}`;
      const kind = parent === 'rules' && typeof entry?.kind === 'string' ? wordFor(RULE_KIND_WORDS, entry.kind, locale) : null;
      const named = parent === 'items' && typeof entry?.name === 'string' ? `「${entry.name}」` : kind ? (locale === 'zh' ? `（${kind}）` : ` (${kind})`) : '';
      out[out.length - 1] = `${out[out.length - 1] ?? ''}${locale === 'zh' ? '' : ' '}${ordinal}${named}`;
    } else out.push(FIELD_WORDS[part] ? wordFor(FIELD_WORDS, part, locale) : part);
  }
  return out.join(' › ');
}

/**
 * The choices of the document's enumerated keys (libs/policy/src/rules/*.ts, procedure.ts), in words: a rule card
 * offers them in a list instead of showing `recent_years` or `reject_any`.
 */
export const ENUM_WORDS: Record<string, Words> = {
  mode: {
    reject: ['已获其他资金的不予资助', 'Refuse'],
    top_up: ['补足差额', 'Top up the difference'],
    reject_any: ['已获任何资助的不再资助', 'Refuse after any award'],
    full: ['同级不重复、低级全额', 'Full amount unless same or higher'],
    difference: ['升级补差额', 'Pay the difference on upgrade'],
    times: ['限定资助次数', 'At most so many times'],
  },
  window: {
    previous_year: ['上一年度', 'Previous year'],
    application_year: ['本年度', 'This year'],
    recent_years: ['近 N 年', 'Last N years'],
    within_years: ['申报前 N 年内', 'Within N years before'],
    within_months: ['申报前 N 个月内', 'Within N months before'],
    held_for: ['持有满 N 个月', 'Held for N months'],
    since: ['自某日起', 'Since a date'],
    rolling: ['自处罚之日起滚动计算', 'Rolling from the date'],
    following_years: ['此后连续 N 个年度', 'The following N years'],
  },
  plan: { lump_sum: ['一次性拨付', 'Lump sum'], installments: ['分期拨付', 'Instalments'] },
  per: { category: ['按类别', 'Per category'], item: ['按资助项目', 'Per item'], scope: ['范围内合计', 'Over the scope'], thing: ['按同一成果', 'Per achievement'] },
  groupBy: { thing: ['按同一成果', 'Per achievement'], scope: ['范围内合计', 'Over the scope'] },
  lookback: { previous_year: ['上一年度', 'Previous year'] },
  unit: { working: ['工作日', 'Working days'], calendar: ['自然日', 'Calendar days'] },
  kinds: {
    enterprise: ['企业', 'Enterprises'],
    institution: ['事业单位', 'Institutions'],
    social_org: ['社会组织', 'Social organizations'],
    individual: ['个人', 'Individuals'],
    service_agency: ['标准化服务机构', 'Service agencies'],
    blacklist: ['列入失信名单', 'Blacklisted'],
    penalty: ['行政处罚', 'Penalty'],
    investigation: ['立案调查', 'Under investigation'],
    fraud_ban: ['弄虚作假禁入', 'Fraud ban'],
    batch: ['集中申报', 'Batch call'],
    rolling: ['全年受理', 'Rolling call'],
  },
  required: {
    formal_check: ['形式审查', 'Formal check'],
    district_review: ['区县初审', 'District review'],
    technical_review: ['技术审查', 'Technical review'],
    expert_review: ['专家评审', 'Expert review'],
  },
  scope: { application: ['与本申报有关的专家回避', 'Experts tied to the application'], year_applicants: ['当年度申报单位的专家回避', 'Experts of the year’s applicants'] },
};
ENUM_WORDS.order = ENUM_WORDS.required;
ENUM_WORDS.exemptKinds = ENUM_WORDS.kinds;
ENUM_WORDS.applicantKinds = ENUM_WORDS.kinds;

/** The choices for a key whose every present value is one of its known words; undefined for free text. */
export function enumChoices(key: string, value: unknown): Words | undefined {
  const words = ENUM_WORDS[key];
  if (!words) return undefined;
  const values = Array.isArray(value) ? value : [value];
  return values.every((entry) => typeof entry === 'string' && entry in words) ? words : undefined;
}
