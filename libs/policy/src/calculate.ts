import type { CalcRequest, CalcResult } from './contract';
import { evaluateWithPolicy } from './engine/evaluate';
import { PolicyEngineError } from './errors';
import { policyInForce, type PolicyRepository } from './load/repository';
import { validateRequest } from './validate-request';

/** Evaluates a validated request with the tenant's policy in force on its applicationDate. */
export function evaluate(repo: PolicyRepository, tenantId: string, request: CalcRequest): CalcResult {
  const policy = policyInForce(repo, tenantId, request.applicationDate);
  return evaluateWithPolicy(policy, request, repo.geography?.(tenantId));
}

/**
 * Validates untrusted JSON and evaluates it: the one call a service or CLI needs. Bad input throws
 * PolicyEngineError with a code and a one-line message naming the JSON path.
 */
export function calculate(repo: PolicyRepository, tenantId: string, json: unknown): CalcResult {
  if (repo.versions(tenantId).length === 0) {
    throw new PolicyEngineError('unknown_tenant', `unknown tenant "${tenantId}"; known tenants: ${repo.tenants().join(', ') || '(none)'}`);
  }
  const checked = validateRequest(json);
  if (!checked.ok) {
    const first = checked.problems[0];
    throw new PolicyEngineError('invalid_request', `${first.path}: ${first.message}`, first.path);
  }
  return evaluate(repo, tenantId, checked.request);
}
