import { DomainError, ErrorDetail, Localized } from '@subsidy/common';
import { payerName } from './payer-names';
import { fenToYuan } from './payments/yuan';

export class FinanceNotFoundError extends DomainError {
  readonly code = 'not_found';
  readonly status = 404;
}

/** The request conflicts with the current state (already taken in, not handed over, already approved...). */
export class FinanceStateError extends DomainError {
  readonly code = 'invalid_state';
  readonly status = 409;
}

/** Committing these shares would take a payer's budget below zero: nothing was committed. */
export class OverCommitmentError extends DomainError {
  readonly code = 'over_commitment';
  readonly status = 409;
  constructor(shortfalls: Array<{ payer: string; availableFen: bigint; neededFen: bigint }>) {
    const zh = shortfalls.map((s) => `${payerName(s.payer, new Map())}需 ${fenToYuan(s.neededFen)} 元，可用 ${fenToYuan(s.availableFen)} 元`);
    super(
      {
        zh: `预算不足以覆盖资助名单：${zh.join('；')}。本次未作任何承诺，请先追加预算或更正名单。`,
        en: `The budget does not cover the approved list: ${shortfalls
          .map((s) => `${s.payer} needs ${s.neededFen} fen but has ${s.availableFen} fen uncommitted`)
          .join('; ')}. Nothing was committed; raise the budget or correct the list first.`,
      },
      shortfalls.map((s, i) => ({ path: `budgets.${s.payer}`, message: `needs ${s.neededFen} fen, ${s.availableFen} fen available`, messageZh: zh[i] })),
    );
  }
}

/** A budget cannot be lowered below what is already committed against it. */
export class BudgetBelowCommitmentsError extends DomainError {
  readonly code = 'budget_below_commitments';
  readonly status = 409;
}

/** The acting finance officer does not pay for this payer (a district officer acts for `district:<own code>` only). */
export class PayerForbiddenError extends DomainError {
  readonly code = 'payer_forbidden';
  readonly status = 403;
}

export class FinanceValidationError extends DomainError {
  readonly code = 'validation_failed';
  readonly status = 400;
  constructor(message: Localized, details: ErrorDetail[]) {
    super(message, details);
  }
}

/** Payees without bank details cannot be put in a payment batch. */
export class MissingBankAccountError extends DomainError {
  readonly code = 'bank_account_missing';
  readonly status = 409;
}
