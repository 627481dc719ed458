import { DomainError, ErrorDetail, Localized } from '@subsidy/common';

/** Roles as users read them (error messages never show the internal role names in Chinese). */
export const ROLE_ZH: Readonly<Record<string, string>> = {
  platform_admin: '平台管理员',
  tenant_admin: '地区管理员',
  program_officer: '项目主管人员',
  district_reviewer: '区县审核员',
  technical_reviewer: '技术审查员',
  expert: '评审专家',
  finance_officer: '财务人员',
  applicant: '申报单位',
};

/** Wrong tenant, username or password: deliberately does not say which. */
export class InvalidCredentialsError extends DomainError {
  readonly code = 'invalid_credentials';
  readonly status = 401;
  constructor() {
    super({ zh: '所选地区、用户名或密码不正确', en: 'The tenant, username or password is not correct' });
  }
}

/**
 * Too many failed sign-ins for this account from this address (or from this address overall, or for this account from
 * everywhere): the next attempt is allowed after a delay that grows with each failure. Never a permanent lock.
 */
export class LoginDelayedError extends DomainError {
  readonly code = 'login_delayed';
  readonly status = 429;
  constructor(readonly retryAfterSeconds: number) {
    super({
      zh: `登录失败次数过多，请在 ${retryAfterSeconds} 秒后重试`,
      en: `Too many failed sign-in attempts; try again in ${retryAfterSeconds} seconds`,
    });
  }
}

export class RefreshTokenInvalidError extends DomainError {
  readonly code = 'refresh_token_invalid';
  readonly status = 401;
  constructor(message: Localized = { zh: '登录状态已失效，请重新登录', en: 'The refresh token is not valid; please sign in again' }) {
    super(message);
  }
}

/** No usable access token on a protected route. */
export class AuthenticationRequiredError extends DomainError {
  readonly code: string;
  readonly status = 401;
  constructor(code: 'unauthenticated' | 'access_token_expired' | 'access_token_invalid' | 'access_token_revoked', message: Localized) {
    super(message);
    this.code = code;
  }
}

export class ForbiddenRoleError extends DomainError {
  readonly code = 'forbidden_role';
  readonly status = 403;
  constructor(allowed: readonly string[]) {
    super({
      zh: `您的账号无权执行此操作，需要以下角色之一：${allowed.map((r) => ROLE_ZH[r] ?? '其他角色').join('、')}`,
      en: `This action needs one of the roles: ${allowed.join(', ')}`,
    });
  }
}

/** The actor is authenticated and has the role, but the record lies outside their district or organization. */
export class OutOfScopeError extends DomainError {
  readonly code = 'out_of_scope';
  readonly status = 403;
}

export class TenantForbiddenError extends DomainError {
  readonly code = 'tenant_forbidden';
  readonly status = 403;
  constructor() {
    super({ zh: '只有平台管理员可以操作其他地区的数据', en: 'Only platform administrators may act on another tenant' });
  }
}

export class UnknownTenantError extends DomainError {
  readonly code = 'unknown_tenant';
  readonly status = 404;
  constructor(tenantId: string, details: ErrorDetail[] = []) {
    super({ zh: `没有标识为“${tenantId}”的地区`, en: `There is no tenant "${tenantId}"` }, details);
  }
}

export class UsernameTakenError extends DomainError {
  readonly code = 'username_taken';
  readonly status = 409;
  constructor(path: string) {
    super({ zh: '该用户名在本地区已被使用', en: 'This username is already taken in this tenant' }, [
      { path, message: 'already taken', messageZh: '已被使用' },
    ]);
  }
}

/** A role the acting administrator may not hand out (only the platform administrator creates tenant administrators). */
export class RoleNotGrantableError extends DomainError {
  readonly code = 'role_not_grantable';
  readonly status = 403;
  constructor(role: string) {
    super({ zh: `您无权创建“${ROLE_ZH[role] ?? '该角色'}”账号`, en: `You may not create an account with the role ${role}` }, [
      { path: 'role', message: `not grantable by you: ${role}`, messageZh: `您无权授予该角色：${ROLE_ZH[role] ?? '该角色'}` },
    ]);
  }
}

/** An administrator acting on an account above their own (a tenant administrator on another administrator) or on their own. */
export class AccountNotManageableError extends DomainError {
  readonly code = 'account_not_manageable';
  readonly status = 403;
  constructor(why: 'own_account' | 'administrator') {
    super(
      why === 'own_account'
        ? { zh: '不能对自己的账号执行此操作', en: 'You cannot do this to your own account' }
        : { zh: '只有平台管理员可以管理管理员账号', en: 'Only a platform administrator manages administrator accounts' },
    );
  }
}

export class UserNotFoundError extends DomainError {
  readonly code = 'user_not_found';
  readonly status = 404;
  constructor() {
    super({ zh: '本租户没有该用户', en: 'There is no such user in this tenant' });
  }
}

/**
 * The person (by e-mail address) already holds another duty through an active account: deciding (program officer),
 * paying (finance officer) and administering accounts (tenant administrator) never meet in one person.
 */
export class SegregationOfDutiesError extends DomainError {
  readonly code = 'segregation_of_duties';
  readonly status = 409;
  constructor(path: string, conflicting?: { username: string; role: string }) {
    const who = conflicting ? ` (${conflicting.username}, ${conflicting.role})` : '';
    const whoZh = conflicting ? `（${conflicting.username}，${ROLE_ZH[conflicting.role] ?? '其他角色'}）` : '';
    super(
      {
        zh: `此人已通过另一个有效账号${whoZh}承担不相容的职责：决定、支付与账号管理不得由同一人兼任`,
        en: `This person already holds an incompatible duty through another active account${who}: deciding, paying and administering accounts are never held by one person`,
      },
      [{ path, message: 'this person already holds an incompatible duty', messageZh: '此人已承担不相容的职责' }],
    );
  }
}

/** The account is already in the state asked for (deactivating an inactive account, reactivating an active one). */
export class AccountStateError extends DomainError {
  readonly code: string;
  readonly status = 409;
  constructor(state: 'already_active' | 'already_inactive' | 'inactive') {
    const messages = {
      already_active: { zh: '该账号已处于启用状态', en: 'The account is already active' },
      already_inactive: { zh: '该账号已停用', en: 'The account is already deactivated' },
      inactive: { zh: '该账号已停用，请先重新启用', en: 'The account is deactivated; reactivate it first' },
    } as const;
    super(messages[state]);
    this.code = ({ already_active: 'account_already_active', already_inactive: 'account_already_inactive', inactive: 'account_inactive' } as const)[state];
  }
}

/** A password-setup link can only reach a person through their e-mail address. */
export class EmailRequiredError extends DomainError {
  readonly code = 'email_required';
  readonly status = 409;
  constructor(path = 'email') {
    super(
      { zh: '该账号没有电子邮箱地址：无法把设置密码的链接交给本人', en: 'The account has no e-mail address, so a password-setup link cannot reach its owner' },
      [{ path, message: 'an e-mail address is required', messageZh: '需要电子邮箱地址' }],
    );
  }
}

/** Unknown, expired, already used or superseded password-setup token. */
export class PasswordSetupTokenInvalidError extends DomainError {
  readonly code = 'password_setup_token_invalid';
  readonly status = 400;
  constructor() {
    super({ zh: '该密码设置链接无效、已过期或已使用', en: 'This password-setup token is unknown, expired or already used' }, [
      { path: 'token', message: 'unknown, expired or already used', messageZh: '无效、已过期或已使用' },
    ]);
  }
}

export class CurrentPasswordIncorrectError extends DomainError {
  readonly code = 'current_password_incorrect';
  readonly status = 400;
  constructor() {
    super({ zh: '当前密码不正确', en: 'The current password is not correct' }, [
      { path: 'currentPassword', message: 'not correct', messageZh: '不正确' },
    ]);
  }
}
