import { Inject, Injectable } from '@nestjs/common';
import { calculate, CalcResult, PolicyEngineError } from '@subsidy/policy';
import { RequestContextStore } from '@subsidy/tenancy';
import { AwardCalculationError, CalculationTenantMismatchError } from './award-errors';
import { POLICY_REPOSITORY, PolicyRepository } from './policy-repository.provider';

/** Use case: evaluate the calculation contract for the tenant the caller is acting for. */
@Injectable()
export class CalculateAwards {
  constructor(@Inject(POLICY_REPOSITORY) private readonly policies: PolicyRepository) {}

  execute(tenantId: string, request: unknown): CalcResult {
    if (RequestContextStore.requireTenantId() !== tenantId) throw new CalculationTenantMismatchError(tenantId);
    try {
      return calculate(this.policies, tenantId, request);
    } catch (error) {
      if (error instanceof PolicyEngineError) throw new AwardCalculationError(error);
      throw error;
    }
  }
}
