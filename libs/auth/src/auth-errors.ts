import { DomainError, ErrorDetail } from '@subsidy/common';

/** Wrong tenant, username or password: deliberately does not say which. */
export class InvalidCredentialsError extends DomainError {
  readonly code = 'invalid_credentials';
  readonly status = 401;
  constructor() {
    super('The tenant, username or password is not correct');
  }
}

export class LoginLockedError extends DomainError {
  readonly code = 'login_locked';
  readonly status = 429;
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed sign-in attempts; try again in ${retryAfterSeconds} seconds`);
  }
}

export class RefreshTokenInvalidError extends DomainError {
  readonly code = 'refresh_token_invalid';
  readonly status = 401;
  constructor(message = 'The refresh token is not valid; please sign in again') {
    super(message);
  }
}

/** No usable access token on a protected route. */
export class AuthenticationRequiredError extends DomainError {
  readonly code: string;
  readonly status = 401;
  constructor(code: 'unauthenticated' | 'access_token_expired' | 'access_token_invalid', message: string) {
    super(message);
    this.code = code;
  }
}

export class ForbiddenRoleError extends DomainError {
  readonly code = 'forbidden_role';
  readonly status = 403;
  constructor(allowed: readonly string[]) {
    super(`This action needs one of the roles: ${allowed.join(', ')}`);
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
    super('Only platform administrators may act on another tenant');
  }
}

export class UnknownTenantError extends DomainError {
  readonly code = 'unknown_tenant';
  readonly status = 404;
  constructor(tenantId: string, details: ErrorDetail[] = []) {
    super(`There is no tenant "${tenantId}"`, details);
  }
}

export class UsernameTakenError extends DomainError {
  readonly code = 'username_taken';
  readonly status = 409;
  constructor(path: string) {
    super('This username is already taken in this tenant', [{ path, message: 'already taken' }]);
  }
}
