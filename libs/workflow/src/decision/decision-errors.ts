import { DomainError, ErrorDetail } from '@subsidy/common';

/** A decision that is well-formed JSON but breaks a rule (above a ceiling, not the fixed amount); details name the fields. */
export class DecisionInputError extends DomainError {
  readonly code = 'validation_failed';
  readonly status = 400;
  constructor(details: ErrorDetail[]) {
    const paths = [...new Set(details.map((d) => d.path))];
    super({ zh: `资助决定填写有误，请按提示修改（共 ${paths.length} 处）`, en: `Invalid request: ${paths.join(', ')}` }, details);
  }
}

/** A decision is corrected only until the program's publicity opens; after that it stands (objections are the remedy). */
export class PublicityAlreadyOpenedError extends DomainError {
  readonly code = 'publicity_already_opened';
  readonly status = 409;
  constructor() {
    super({
      zh: '该项目的拟资助名单已开始公示，资助决定不能再更正',
      en: "The program's publicity has opened; its decisions can no longer be corrected",
    });
  }
}

/** A correction after the budget rule was applied must fit in what the budget leaves; it never takes from other awards. */
export class CorrectionExceedsBudgetError extends DomainError {
  readonly code = 'correction_exceeds_budget';
  readonly status = 409;
  constructor(budgetFen: number, decidedFen: number) {
    super(
      {
        zh: `更正后该项目的资助总额 ${decidedFen} 分超过预算 ${budgetFen} 分`,
        en: `After the correction the program's awards total ${decidedFen} fen, more than its budget of ${budgetFen} fen`,
      },
      [{ path: 'items', message: `the program's awards would total ${decidedFen} fen; the budget is ${budgetFen} fen`, messageZh: `资助总额 ${decidedFen} 分，预算 ${budgetFen} 分` }],
    );
  }
}
