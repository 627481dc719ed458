import { Injectable } from '@nestjs/common';
import { DistrictStore } from '@subsidy/auth';
import { ErrorDetail, ValidationFailedError } from '@subsidy/common';
import { CompiledPolicy } from '@subsidy/policy';
import { EntityManager } from 'typeorm';
import { ProgramInput } from '../program-input';
import { ProgramPolicy } from '../program-policy';

/**
 * The checks of a program's configuration that need the tenant: the policy version must be one of the tenant's, and a
 * district funding source must name one of its districts. Reports every problem at once, by JSON path.
 */
@Injectable()
export class CheckTenantFit {
  constructor(private readonly programPolicy: ProgramPolicy) {}

  async policyFor(manager: EntityManager, tenantId: string, input: ProgramInput): Promise<CompiledPolicy> {
    const problems: ErrorDetail[] = [];
    const policy = this.programPolicy.find(tenantId, input.policyId);
    if (!policy) problems.push({ path: 'policyId', message: `${input.policyId} is not a policy version of this tenant` });
    for (const [index, { source }] of input.budget.sources.entries()) {
      if (!source.startsWith('district:')) continue;
      const code = source.slice('district:'.length);
      if (!(await DistrictStore.exists(manager, code))) {
        problems.push({ path: `budget.sources[${index}].source`, message: `${code} is not a district of this tenant` });
      }
    }
    if (problems.length > 0 || !policy) {
      throw new ValidationFailedError(`Invalid request: ${[...new Set(problems.map((p) => p.path))].join(', ')}`, problems);
    }
    return policy;
  }
}
