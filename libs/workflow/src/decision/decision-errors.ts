import { DomainError, ErrorDetail } from '@subsidy/common';

/** A decision that is well-formed JSON but breaks a rule (above a ceiling, not the fixed amount); details name the fields. */
export class DecisionInputError extends DomainError {
  readonly code = 'validation_failed';
  readonly status = 400;
  constructor(details: ErrorDetail[]) {
    super(`Invalid request: ${[...new Set(details.map((d) => d.path))].join(', ')}`, details);
  }
}
