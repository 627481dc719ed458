import { DomainError, ErrorDetail, Localized } from '@subsidy/common';

export class ProgramNotFoundError extends DomainError {
  readonly code = 'program_not_found';
  readonly status = 404;
  constructor() {
    super({ zh: '没有找到该项目', en: 'No such program' });
  }
}

export class ApplicationNotFoundError extends DomainError {
  readonly code = 'application_not_found';
  readonly status = 404;
  constructor() {
    super({ zh: '没有找到该申报', en: 'No such application' });
  }
}

/** The action is not possible in the current state; the message says what state it is in. */
export class InvalidStateError extends DomainError {
  readonly code = 'invalid_state';
  readonly status = 409;
  constructor(message: Localized, details: ErrorDetail[] = []) {
    super(message, details);
  }
}

/** Someone changed the record since it was read; the caller should reload and retry. */
export class ConcurrentChangeError extends DomainError {
  readonly code = 'concurrent_change';
  readonly status = 409;
  constructor(entity: string, entityZh = '该记录') {
    super({ zh: `${entityZh}已被他人修改，请刷新后重试`, en: `The ${entity} was changed by someone else meanwhile; reload it and try again` });
  }
}

export class WindowClosedError extends DomainError {
  readonly code = 'window_closed';
  readonly status = 409;
  constructor(message: Localized) {
    super(message);
  }
}
