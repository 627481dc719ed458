import { ApplicationStatus } from './application-status';
import { ProgramStatus } from './program-record';

/** What an applicant or officer calls an application's status; messages never show the internal names. */
export const APPLICATION_STATUS_ZH: Readonly<Record<ApplicationStatus, string>> = {
  draft: '草稿',
  formal_check: '形式审查中',
  correction_requested: '待补正',
  district_review: '区县初审中',
  technical_review: '技术审查中',
  expert_review: '专家评审中',
  awaiting_decision: '待审定',
  decided: '已审定',
  in_publicity: '公示中',
  objection_review: '异议复核中',
  approved: '已批准',
  handed_over: '已移交财务',
  rejected: '未通过',
  lapsed: '已失效',
  withdrawn: '已撤回',
};

/** A program's status as the program office calls it. */
export const PROGRAM_STATUS_ZH: Readonly<Record<ProgramStatus, string>> = {
  draft: '草稿',
  scheduled: '待发布',
  open: '受理中',
  closed: '已截止受理',
  decided: '已审定',
  publicized: '已公示',
  handed_over: '已移交财务',
  cancelled: '已取消',
};

export function applicationStatusZh(status: string): string {
  return APPLICATION_STATUS_ZH[status as ApplicationStatus] ?? '其他状态';
}

export function programStatusZh(status: string): string {
  return PROGRAM_STATUS_ZH[status as ProgramStatus] ?? '其他状态';
}
