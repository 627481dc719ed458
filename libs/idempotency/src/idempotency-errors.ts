import { DomainError, ErrorDetail } from '@subsidy/common';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** The header is missing or not 8-128 visible ASCII characters. */
export class IdempotencyKeyInvalidError extends DomainError {
  readonly code: 'idempotency_key_missing' | 'idempotency_key_invalid';
  readonly status = 400;
  constructor(missing: boolean) {
    super(
      missing
        ? `This request needs an ${IDEMPOTENCY_HEADER} header (8-128 characters, e.g. a UUID) so a retry cannot repeat it`
        : `The ${IDEMPOTENCY_HEADER} header must be 8-128 visible ASCII characters`,
      [{ path: IDEMPOTENCY_HEADER, message: missing ? 'header is required' : 'must be 8-128 visible ASCII characters' }],
    );
    this.code = missing ? 'idempotency_key_missing' : 'idempotency_key_invalid';
  }
}

/** The key was used before for a different request: the client has a bug, a retry must send the same body. */
export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'idempotency_key_reused';
  readonly status = 422;
  constructor() {
    super(`This ${IDEMPOTENCY_HEADER} was already used for a different request; use a new key for a new request`, [
      { path: IDEMPOTENCY_HEADER, message: 'already used for a different request' },
    ]);
  }
}

/** The first request with this key is still running; the client should wait and retry with the same key. */
export class IdempotencyInProgressError extends DomainError {
  readonly code = 'idempotency_in_progress';
  readonly status = 409;
  constructor() {
    super(`A request with this ${IDEMPOTENCY_HEADER} is still being processed; retry shortly with the same key`, [
      { path: IDEMPOTENCY_HEADER, message: 'request in progress' },
    ]);
  }
}

/** A stored error answer replayed as it was first given (same status, code, message and details). */
export class ReplayedErrorResponse extends DomainError {
  readonly code: string;
  readonly status: number;
  constructor(status: number, code: string, message: string, details: ErrorDetail[]) {
    super(message, details);
    this.status = status;
    this.code = code;
  }
}
