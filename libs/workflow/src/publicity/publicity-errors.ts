import { DomainError } from '@subsidy/common';

export class PublicityNotFoundError extends DomainError {
  readonly code = 'publicity_not_found';
  readonly status = 404;
  constructor() {
    super('No such publicity');
  }
}

export class ObjectionNotFoundError extends DomainError {
  readonly code = 'objection_not_found';
  readonly status = 404;
  constructor() {
    super('No such objection');
  }
}

export class UnknownTenantError extends DomainError {
  readonly code = 'unknown_tenant';
  readonly status = 404;
  constructor() {
    super('No such tenant');
  }
}

/** Objections are accepted only while the publicity runs (until the end of its last day, China Standard Time). */
export class PublicityClosedError extends DomainError {
  readonly code = 'publicity_closed';
  readonly status = 409;
  constructor() {
    super('The publicity period has ended; objections are no longer accepted');
  }
}
