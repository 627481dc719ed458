import { DomainError, ErrorDetail, Localized } from '@subsidy/common';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** The header is missing or not 8-128 visible ASCII characters. */
export class IdempotencyKeyInvalidError extends DomainError {
  readonly code: 'idempotency_key_missing' | 'idempotency_key_invalid';
  readonly status = 400;
  constructor(missing: boolean) {
    super(
      missing
        ? {
            zh: `该请求须带 ${IDEMPOTENCY_HEADER} 请求头（8 至 128 个字符，例如一个 UUID），以免重试时重复办理`,
            en: `This request needs an ${IDEMPOTENCY_HEADER} header (8-128 characters, e.g. a UUID) so a retry cannot repeat it`,
          }
        : { zh: `${IDEMPOTENCY_HEADER} 请求头须为 8 至 128 个可见的 ASCII 字符`, en: `The ${IDEMPOTENCY_HEADER} header must be 8-128 visible ASCII characters` },
      [
        missing
          ? { path: IDEMPOTENCY_HEADER, message: 'header is required', messageZh: '必须提供' }
          : { path: IDEMPOTENCY_HEADER, message: 'must be 8-128 visible ASCII characters', messageZh: '须为 8 至 128 个可见的 ASCII 字符' },
      ],
    );
    this.code = missing ? 'idempotency_key_missing' : 'idempotency_key_invalid';
  }
}

/** The key was used before for a different request: the client has a bug, a retry must send the same body. */
export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'idempotency_key_reused';
  readonly status = 422;
  constructor() {
    super({ zh: '该幂等键已用于另一项不同的请求，新的请求请使用新的键', en: `This ${IDEMPOTENCY_HEADER} was already used for a different request; use a new key for a new request` }, [
      { path: IDEMPOTENCY_HEADER, message: 'already used for a different request', messageZh: '已用于另一项请求' },
    ]);
  }
}

/** The first request with this key is still running; the client should wait and retry with the same key. */
export class IdempotencyInProgressError extends DomainError {
  readonly code = 'idempotency_in_progress';
  readonly status = 409;
  constructor() {
    super({ zh: '相同的请求正在处理中，请稍后用同一幂等键重试', en: `A request with this ${IDEMPOTENCY_HEADER} is still being processed; retry shortly with the same key` }, [
      { path: IDEMPOTENCY_HEADER, message: 'request in progress', messageZh: '正在处理中' },
    ]);
  }
}

/** A stored error answer replayed as it was first given (same status, code, message and details). */
export class ReplayedErrorResponse extends DomainError {
  readonly code: string;
  readonly status: number;
  constructor(status: number, code: string, message: Localized, details: ErrorDetail[]) {
    super(message, details);
    this.status = status;
    this.code = code;
  }
}
