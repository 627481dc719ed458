import { DomainError } from '@subsidy/common';

/** The policy engine could not price the application's items, so no ceiling can be checked against. */
export class PricingUnavailableError extends DomainError {
  readonly code = 'ceiling_unavailable';
  readonly status = 409;
  constructor(message: string) {
    super(message);
  }
}
