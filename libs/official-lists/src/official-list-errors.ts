import { DomainError, ErrorDetail, Localized } from '@subsidy/common';

/** The file is no list this product can read (not xlsx or csv, or without the kind's required columns): nothing stored. */
export class ListUnreadableError extends DomainError {
  readonly code = 'official_list_unreadable';
  readonly status = 422;
  constructor(message: Localized, details: ErrorDetail[] = []) {
    super(message, details);
  }
}

export class OfficialListNotFoundError extends DomainError {
  readonly code = 'official_list_not_found';
  readonly status = 404;
  constructor() {
    super({ zh: '未找到该名单导入记录', en: 'No such official list import' });
  }
}

export class ListRowNotFoundError extends DomainError {
  readonly code = 'official_list_row_not_found';
  readonly status = 404;
  constructor() {
    super({ zh: '未找到该名单条目', en: 'No such official list entry' });
  }
}

/** Only an entry waiting for an officer (in review) or for its enterprise (unregistered) can be resolved. */
export class ListRowNotOpenError extends DomainError {
  readonly code = 'official_list_row_not_open';
  readonly status = 409;
  constructor(status: string) {
    super({ zh: '该条目已处理，不能再次认定', en: `The entry is ${status}, not waiting for a decision` }, [{ path: 'rowId', message: `status is ${status}`, messageZh: '条目已处理' }]);
  }
}

export class ResolutionOrganizationNotFoundError extends DomainError {
  readonly code = 'official_list_organization_not_found';
  readonly status = 422;
  constructor() {
    super({ zh: '所选单位不属于本地区', en: 'The organization is not one of this tenant' }, [{ path: 'organizationId', message: 'no such organization', messageZh: '单位不存在' }]);
  }
}
