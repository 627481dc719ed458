import { DomainError, ErrorDetail } from '@subsidy/common';

/** A request that is well-formed JSON but breaks a review rule; details name the offending fields. */
export class ReviewInputError extends DomainError {
  readonly code = 'validation_failed';
  readonly status = 400;
  constructor(details: ErrorDetail[]) {
    super(`Invalid request: ${[...new Set(details.map((d) => d.path))].join(', ')}`, details);
  }
}

export function invalidField(path: string, message: string): ReviewInputError {
  return new ReviewInputError([{ path, message }]);
}

/** The actor is signed in with the right role but is not part of this application's review (e.g. not on its panel). */
export class NotReviewerError extends DomainError {
  readonly code = 'not_a_reviewer';
  readonly status = 403;
  constructor(message: string) {
    super(message);
  }
}

/** The program's review settings do not allow the step (e.g. no expert panel configured). */
export class ReviewNotConfiguredError extends DomainError {
  readonly code = 'review_not_configured';
  readonly status = 409;
  constructor(message: string) {
    super(message);
  }
}

export class ExpertNotFoundError extends DomainError {
  readonly code = 'expert_not_found';
  readonly status = 404;
  constructor() {
    super('No such expert in this tenant');
  }
}
