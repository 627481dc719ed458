import { DomainError, ErrorDetail } from '@subsidy/common';
import { PolicyEngineError } from '@subsidy/policy';

const STATUS: Record<PolicyEngineError['code'], number> = {
  invalid_request: 400,
  missing_input: 400,
  unknown_tenant: 404,
  no_policy_in_force: 422,
  invalid_policy: 500,
};

/** The award engine's own errors, carried to HTTP with their codes and the JSON path of the offending field. */
export class AwardCalculationError extends DomainError {
  readonly code: string;
  readonly status: number;

  constructor(source: PolicyEngineError) {
    const details: ErrorDetail[] = source.path !== undefined ? [{ path: source.path, message: source.message }] : [];
    super(source.message, details);
    this.code = source.code;
    this.status = STATUS[source.code];
  }
}

export class CalculationTenantMismatchError extends DomainError {
  readonly code = 'tenant_mismatch';
  readonly status = 403;
  constructor(pathTenant: string) {
    super(`You are signed in for another tenant than ${pathTenant}; a platform administrator selects it with X-Tenant-Id`);
  }
}
