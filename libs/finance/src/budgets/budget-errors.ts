import { DomainError } from '@subsidy/common';

/** Finance set a city budget other than the one the program office handed over without saying why: nothing changed. */
export class BudgetChangeReasonRequiredError extends DomainError {
  readonly code = 'budget_change_reason_required';
  readonly status = 422;
  constructor(handedOverFen: bigint, wantedFen: bigint) {
    super(
      {
        zh: `移交的项目预算为 ${handedOverFen} 分，改为 ${wantedFen} 分须说明理由`,
        en: `The program budget handed over is ${handedOverFen} fen; setting ${wantedFen} fen instead needs a reason`,
      },
      [{ path: 'reason', message: 'required when amountFen differs from the handed-over budget', messageZh: '与移交预算不同时必须填写理由' }],
    );
  }
}
