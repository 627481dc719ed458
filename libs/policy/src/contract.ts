/** The request and result of the award calculation (calc-contract.md). */

export type ApplicantKind = 'enterprise' | 'institution' | 'social_org' | 'individual' | 'service_agency';
export type SanctionKind = 'blacklist' | 'penalty' | 'investigation' | 'fraud_ban';

/** One achievement (achievement.schema.json). Fields vary by `type`; callers may add fields a policy reads (e.g. `salesFen`). */
export interface Achievement {
  id: string;
  type: string;
  [field: string]: unknown;
}

export interface Sanction {
  kind: SanctionKind;
  on: string;
}

export interface PriorAward {
  achievementKey: string;
  year: number;
  amountFen: number;
}

export interface OtherFunding {
  achievementId: string;
  source: string;
  amountFen: number;
}

export interface Applicant {
  uscc: string;
  name?: string;
  kind: ApplicantKind;
  district?: string;
  sanctions?: Sanction[];
  priorAwards?: PriorAward[];
  otherFunding?: OtherFunding[];
  achievements: Achievement[];
}

export interface CalcRequest {
  applicationDate: string;
  programYear?: number;
  fundTotalFen?: number;
  applicants: Applicant[];
}

export type Reason =
  | 'not_covered'
  | 'ineligible_applicant'
  | 'rank_too_low'
  | 'outside_period'
  | 'sanctioned'
  | 'already_funded'
  | 'superseded'
  | 'lower_after_higher'
  | 'count_limit'
  | 'category_limit'
  | 'cap_item'
  | 'cap_costs'
  | 'cap_group'
  | 'cap_applicant_year'
  | 'cap_fund_share'
  | 'cap_request_total'
  | 'missing_input';

export type Basis = 'fixed' | 'ceiling';

export interface BilingualText {
  zh: string;
  en: string;
}

export interface TraceEntry {
  rule: string;
  article: string;
  amountFen: number;
  source?: string;
  text: BilingualText;
}

export interface Share {
  payer: string;
  amountFen: number;
}

/**
 * The item's cost is shared between city and county by the tenant's current fiscal revenue-sharing ratio, which the
 * text refers to without stating it (Linyi 第六条 按照现行财政收入分享比例由市与县区分级承担): the engine cannot compute
 * the shares, the paying side applies the ratio recorded for the applicant's district.
 */
export interface RevenueSharing {
  article: string;
  source: string;
}

export interface Installment {
  when: string;
  percent: number;
  amountFen: number;
}

export interface PaymentPlan {
  plan: 'lump_sum' | 'installments';
  article: string;
  installments: Installment[];
}

export interface ResultItem {
  achievementId: string;
  itemId: string | null;
  outcome: 'awarded' | 'rejected';
  amountFen: number;
  basis: Basis | null;
  article: string | null;
  reasons: Reason[];
  trace: TraceEntry[];
  shares?: Share[];
  /** Instead of `shares`: split between city and county by the recorded revenue-sharing ratio (see RevenueSharing). */
  revenueSharing?: RevenueSharing;
  payment?: PaymentPlan;
}

export interface ApplicantResult {
  uscc: string;
  totalFen: number;
  items: ResultItem[];
}

export interface PolicyRef {
  id: string;
  title: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  hash: string;
}

export interface CalcResult {
  tenant: string;
  policy: PolicyRef;
  applicants: ApplicantResult[];
}
