import { DomainError } from '@subsidy/common';

export class RenameRequestNotFoundError extends DomainError {
  readonly code = 'rename_request_not_found';
  readonly status = 404;
  constructor() {
    super({ zh: '没有这条更名申请', en: 'No such rename request' });
  }
}

/** The organization already has a rename waiting for an officer; it must be decided before another is made. */
export class RenameRequestPendingError extends DomainError {
  readonly code = 'rename_request_pending';
  readonly status = 409;
  constructor(requestedName: string) {
    super(
      { zh: `本单位已有待审核的更名申请（“${requestedName}”），请等待审核结果后再申请`, en: `A rename to "${requestedName}" is already waiting for approval; wait for its decision first` },
      [{ path: 'name', message: 'a rename request is already pending', messageZh: '已有待审核的更名申请' }],
    );
  }
}

export class RenameRequestDecidedError extends DomainError {
  readonly code = 'rename_request_decided';
  readonly status = 409;
  constructor(status: string) {
    super({ zh: `该更名申请已处理（${status === 'approved' ? '已批准' : '已驳回'}）`, en: `The rename request was already ${status}` });
  }
}
