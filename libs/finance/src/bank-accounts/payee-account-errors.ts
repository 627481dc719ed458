import { DomainError, ErrorDetail } from '@subsidy/common';

/** The account cannot receive this organization's money (payee-account-rules.ts); each detail names its field. */
export class PayeeAccountRejectedError extends DomainError {
  readonly code = 'payee_account_rejected';
  readonly status = 422;
  constructor(details: ErrorDetail[]) {
    super(
      {
        zh: `收款账户不符合要求：${details.map((d) => d.messageZh ?? d.message).join('；')}`,
        en: `The payee account cannot be accepted: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}`,
      },
      details,
    );
  }
}

/** An applicant who is not the organization's administrator tried to set its payee account. */
export class NotPayeeAdministratorError extends DomainError {
  readonly code = 'not_organization_administrator';
  readonly status = 403;
  constructor() {
    super({
      zh: '只有本单位管理员可以设置或变更收款账户',
      en: "Only the organization's administrator may set or change its payee account",
    });
  }
}

/** The line is not waiting for its changed account to be confirmed. */
export class LineNotHeldError extends DomainError {
  readonly code = 'line_not_held';
  readonly status = 409;
  constructor(lineNo: number, status: string) {
    super({ zh: `第${lineNo}行当前为${status}，无需确认收款账户`, en: `Line ${lineNo} is ${status}; it is not held for an account check` }, [
      { path: 'lineNo', message: status },
    ]);
  }
}

/** The account number the officer confirmed is not the one the line (and the organization) holds now. */
export class AccountConfirmationMismatchError extends DomainError {
  readonly code = 'account_confirmation_mismatch';
  readonly status = 409;
  constructor(detail: ErrorDetail) {
    super({ zh: `确认的账号与当前收款账户不一致：${detail.messageZh ?? detail.message}`, en: `The confirmed account is not the payee's current account: ${detail.message}` }, [detail]);
  }
}

/** Four eyes: the officer who changed an account cannot also release the payment to it. */
export class SameOfficerConfirmationError extends DomainError {
  readonly code = 'account_change_needs_second_officer';
  readonly status = 403;
  constructor() {
    super({
      zh: '收款账户由您本人变更，须由另一名财务人员确认后方可支付',
      en: 'You changed this payee account yourself; another finance officer must confirm it before it is paid',
    });
  }
}
