import { useCallback } from 'react';
import { Locale, useLocale } from './locale';

/**
 * The words people read for the product's internal values (statuses, roles, stages, levels). A value this table does
 * not know is shown as "其他" rather than as its internal name, and a unit test walks the API's enums to keep it complete.
 */
type Table = Record<string, readonly [zh: string, en: string]>;

export const LABELS = {
  applicationStatus: {
    draft: ['草稿', 'Draft'],
    formal_check: ['形式审查', 'Formal check'],
    correction_requested: ['待补正', 'Correction requested'],
    district_review: ['区级初审', 'District pre-review'],
    technical_review: ['技术审查', 'Technical review'],
    expert_review: ['专家评审', 'Expert review'],
    awaiting_decision: ['待决定', 'Awaiting decision'],
    decided: ['已决定', 'Decided'],
    in_publicity: ['公示中', 'In publicity'],
    objection_review: ['异议处理中', 'Objection under review'],
    approved: ['已通过', 'Approved'],
    handed_over: ['已移交财政', 'Handed over to finance'],
    rejected: ['未通过', 'Not approved'],
    lapsed: ['已失效', 'Lapsed'],
    withdrawn: ['已撤回', 'Withdrawn'],
  },
  programStatus: {
    draft: ['草稿', 'Draft'],
    scheduled: ['待开放', 'Scheduled'],
    open: ['申报中', 'Open'],
    closed: ['已截止', 'Closed'],
    decided: ['已决定', 'Decided'],
    publicized: ['已公示', 'Publicized'],
    handed_over: ['已移交财政', 'Handed over'],
    cancelled: ['已取消', 'Cancelled'],
  },
  paymentStatus: {
    awaiting_payment: ['待拨付', 'Awaiting payment'],
    payment_failed: ['拨付失败', 'Payment failed'],
    partly_paid: ['部分拨付', 'Partly paid'],
    paid: ['已拨付', 'Paid'],
  },
  role: {
    platform_admin: ['平台管理员', 'Platform administrator'],
    tenant_admin: ['单位管理员', 'Account administrator'],
    program_officer: ['项目主管', 'Program officer'],
    district_reviewer: ['区级审核员', 'District reviewer'],
    technical_reviewer: ['技术审查员', 'Technical reviewer'],
    expert: ['评审专家', 'Expert'],
    finance_officer: ['财政人员', 'Finance officer'],
    applicant: ['申报单位', 'Applicant'],
  },
  financeLevel: {
    city: ['市级', 'City level'],
    district: ['区（县）级', 'District level'],
  },
  registrationStatus: {
    pending_review: ['待审核', 'Pending review'],
    verified: ['已核验', 'Verified'],
    rejected: ['未通过', 'Rejected'],
  },
  publicityStatus: {
    open: ['公示中', 'Open'],
    closed: ['已结束', 'Closed'],
  },
  objectionStatus: {
    received: ['已受理，待处理', 'Received'],
    upheld: ['异议成立', 'Upheld'],
    dismissed: ['异议不成立', 'Dismissed'],
  },
  shareStatus: {
    committed: ['待审批', 'Awaiting approval'],
    approved: ['已批准', 'Approved'],
    held: ['暂缓', 'On hold'],
    released: ['已撤销', 'Released'],
  },
  batchStatus: {
    releasing: ['下达中', 'Being released'],
    instructed: ['已下达，待银行确认', 'Instructed'],
    partially_confirmed: ['部分确认', 'Partly confirmed'],
    confirmed: ['已确认', 'Confirmed'],
  },
  batchLineStatus: {
    pending: ['待下达', 'Pending'],
    instructed: ['待银行确认', 'Awaiting the bank'],
    paid: ['已支付', 'Paid'],
    failed: ['支付失败', 'Failed'],
    held_account_changed: ['收款账户变更待核实', 'Held: payee account changed'],
  },
  clawbackReason: {
    fraud: ['弄虚作假、骗取资金', 'Fraud'],
    misuse: ['截留、挪用资金', 'Misuse of funds'],
    unfinished_contract: ['未完成约定任务', 'Contract not fulfilled'],
  },
  clawbackStatus: {
    open: ['追缴中', 'Open'],
    recovered: ['已全部收回', 'Recovered'],
  },
  policyVersionState: {
    draft: ['草稿', 'Draft'],
    submitted: ['待审核', 'Submitted for review'],
    returned: ['已退回', 'Returned'],
    published: ['已发布', 'Published'],
  },
  officialListKind: {
    leader_list: ['企业标准领跑者名单', 'Enterprise standard leader list'],
    published_standard: ['标准发布目录（含起草单位）', 'Published standards with drafting units'],
    good_conduct_certificate: ['标准化良好行为证书', 'Good-conduct certificates'],
    tc_secretariat: ['技术委员会秘书处承担单位', 'Technical committee secretariats'],
    innovation_award: ['标准创新贡献奖', 'Standards innovation awards'],
  },
  officialListStatus: {
    importing: ['导入中', 'Importing'],
    completed: ['已完成', 'Completed'],
    failed: ['导入失败', 'Failed'],
  },
  officialListRowStatus: {
    matched: ['已匹配', 'Matched'],
    review: ['待核对', 'Awaiting review'],
    unregistered: ['未注册', 'Not registered'],
    rejected: ['无法读取', 'Unreadable'],
    dismissed: ['已排除', 'Dismissed'],
  },
  listMatchMethod: {
    credit_code: ['信用代码一致', 'Same credit code'],
    exact_name: ['名称一致', 'Same name'],
    officer: ['人工认定', 'Decided by an officer'],
  },
} satisfies Record<string, Table>;

export type LabelKind = keyof typeof LABELS;

export function labelOf(kind: LabelKind, value: string | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '—';
  const entry = (LABELS[kind] as Table)[value];
  if (entry) return locale === 'zh' ? entry[0] : entry[1];
  return locale === 'zh' ? '其他' : 'Other';
}

export function useLabel(): (kind: LabelKind, value: string | null | undefined) => string {
  const locale = useLocale();
  return useCallback((kind: LabelKind, value: string | null | undefined) => labelOf(kind, value, locale), [locale]);
}
