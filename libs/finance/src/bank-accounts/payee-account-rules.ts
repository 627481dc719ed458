import { ErrorDetail } from '@subsidy/common';

/**
 * Organization kinds paid only into an account held in their own registered name (对公账户). An individual business
 * (个体工商户) may be paid into its operator's personal account, so its holder name is not compared.
 */
const OWN_NAME_KINDS = new Set(['enterprise', 'institution', 'social_org', 'service_agency']);

/** A mainland bank account number: 8 to 32 digits once the spaces people type between groups are taken out. */
const ACCOUNT_NO = /^[0-9]{8,32}$/;

/**
 * A name as a bank and a registry may both write it: NFKC folds full-width brackets, letters and digits to their
 * half-width forms (中粮（郑州）→ 中粮(郑州)), white space of any width is dropped, Latin letters are upper-cased.
 */
export function normalizeHolderName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '').toUpperCase();
}

/** The account number as stored: digits only, the spaces between groups removed. */
export function normalizeAccountNo(accountNo: string): string {
  return accountNo.replace(/\s+/gu, '');
}

export interface PayeeAccountCandidate {
  accountName: string;
  accountNo: string;
}

/**
 * What is wrong with an account as the payee of this organization (empty when nothing is): not a mainland account
 * number, or — for every kind but an individual business — held in another name than the registered one, which is how
 * money is redirected to a private or foreign account.
 */
export function payeeAccountProblems(organization: { name: string; kind: string }, account: PayeeAccountCandidate): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (!ACCOUNT_NO.test(normalizeAccountNo(account.accountNo))) {
    problems.push({
      path: 'accountNo',
      message: 'must be a mainland bank account number of 8 to 32 digits',
      messageZh: '银行账号应为8至32位数字的境内银行账号',
    });
  }
  if (OWN_NAME_KINDS.has(organization.kind) && normalizeHolderName(account.accountName) !== normalizeHolderName(organization.name)) {
    problems.push({
      path: 'accountName',
      message: `must be the organization's registered name "${organization.name}" (an account of the organization itself)`,
      messageZh: `账户名称须与单位登记名称“${organization.name}”一致（须为本单位对公账户）`,
    });
  }
  return problems;
}

/**
 * Whether the payee's account was replaced after the share was approved: the version approved against (null when the
 * organization had no account yet, so its first account is version 1 and is no change) is older than the current one.
 */
export function accountChangedSinceApproval(currentVersion: number, approvedVersion: number | null): boolean {
  return currentVersion > (approvedVersion ?? 1);
}
