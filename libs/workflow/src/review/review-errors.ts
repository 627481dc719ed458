import { DomainError, ErrorDetail, Localized } from '@subsidy/common';

/** A request that is well-formed JSON but breaks a review rule; details name the offending fields. */
export class ReviewInputError extends DomainError {
  readonly code = 'validation_failed';
  readonly status = 400;
  constructor(details: ErrorDetail[]) {
    const paths = [...new Set(details.map((d) => d.path))];
    super({ zh: `填写内容有误，请按提示修改（共 ${paths.length} 处）`, en: `Invalid request: ${paths.join(', ')}` }, details);
  }
}

export function invalidField(path: string, message: Localized): ReviewInputError {
  return new ReviewInputError([{ path, message: message.en, messageZh: message.zh }]);
}

/** The actor is signed in with the right role but is not part of this application's review (e.g. not on its panel). */
export class NotReviewerError extends DomainError {
  readonly code = 'not_a_reviewer';
  readonly status = 403;
  constructor(message: Localized) {
    super(message);
  }
}

/** The program's review settings do not allow the step (e.g. no expert panel configured). */
export class ReviewNotConfiguredError extends DomainError {
  readonly code = 'review_not_configured';
  readonly status = 409;
  constructor(message: Localized) {
    super(message);
  }
}

export class ExpertNotFoundError extends DomainError {
  readonly code = 'expert_not_found';
  readonly status = 404;
  constructor() {
    super({ zh: '本地区没有该评审专家', en: 'No such expert in this tenant' });
  }
}

/** An expert on the panel asks for the documents or the score sheet before declaring that they have no conflict. */
export class ExpertDeclarationRequiredError extends DomainError {
  readonly code = 'expert_declaration_required';
  readonly status = 403;
  constructor() {
    super({
      zh: '请先声明您与该申报单位无利益冲突（回避声明），再查阅申报材料或评分',
      en: 'Declare that you have no conflict of interest with this applicant before reading its documents or scoring',
    });
  }
}
