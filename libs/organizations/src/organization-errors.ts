import { DomainError, Localized } from '@subsidy/common';

export class OrganizationExistsError extends DomainError {
  readonly code = 'organization_exists';
  readonly status = 409;
  constructor() {
    super({ zh: '该统一社会信用代码的单位已在本地区注册', en: 'An organization with this unified social credit code is already registered in this tenant' }, [
      { path: 'organization.uscc', message: 'already registered', messageZh: '已注册' },
    ]);
  }
}

export class OrganizationNotFoundError extends DomainError {
  readonly code = 'organization_not_found';
  readonly status = 404;
  constructor(id: string) {
    super({ zh: '没有找到该单位', en: `There is no organization ${id}` });
  }
}

export class OrganizationHasUsersError extends DomainError {
  readonly code = 'organization_has_users';
  readonly status = 409;
  constructor(count: number) {
    super({ zh: `该单位仍有 ${count} 个用户账号，不能删除`, en: `The organization still has ${count} user account(s); it cannot be deleted` });
  }
}

/** Applications, payee accounts or fund-use reports still name the organization: they are records and must stay. */
export class OrganizationInUseError extends DomainError {
  readonly code = 'organization_in_use';
  readonly status = 409;
  constructor() {
    super({
      zh: '该单位已有申报、收款账户或资金使用记录，不能删除',
      en: 'The organization has applications, a payee account or fund-use reports on record; it cannot be deleted',
    });
  }
}

/** Unknown, expired or already used invitation token. */
export class InvitationInvalidError extends DomainError {
  readonly code = 'invitation_invalid';
  readonly status = 400;
  constructor(why: Localized) {
    super({ zh: `该邀请无法使用：${why.zh}`, en: `This invitation cannot be used: ${why.en}` }, [{ path: 'token', message: why.en, messageZh: why.zh }]);
  }
}
