import { Inject, Injectable } from '@nestjs/common';
import { POLICY_REPOSITORY, PolicyRepository } from '@subsidy/awards';
import { CompiledPolicy } from '@subsidy/policy';
import { ProgramRecord } from '../core';
import { PolicyVersionChangedError } from './program-errors';

/**
 * The policy version a program was configured with. The program stores the file's hash: figures computed under a
 * program must come from exactly that text, so a changed or removed file stops them with 409 policy_version_changed
 * rather than silently paying under different rules.
 */
@Injectable()
export class ProgramPolicy {
  constructor(@Inject(POLICY_REPOSITORY) private readonly policies: PolicyRepository) {}

  /** The tenant's policy version with this id, or undefined (for validating a program's configuration). */
  find(tenantId: string, policyId: string): CompiledPolicy | undefined {
    return this.policies.versions(tenantId).find((policy) => policy.id === policyId);
  }

  /** The program's own policy version if it is still the exact text configured, else undefined (for views, never throws). */
  current(program: Pick<ProgramRecord, 'tenantId' | 'policyId' | 'policyHash'>): CompiledPolicy | undefined {
    const policy = this.find(program.tenantId, program.policyId);
    return policy && policy.hash === program.policyHash ? policy : undefined;
  }

  resolve(program: Pick<ProgramRecord, 'tenantId' | 'policyId' | 'policyHash'>): CompiledPolicy {
    const policy = this.find(program.tenantId, program.policyId);
    if (!policy) throw new PolicyVersionChangedError(program.policyId, { zh: '已不在政策文件库中', en: 'is no longer among the policy files' });
    if (policy.hash !== program.policyHash) throw new PolicyVersionChangedError(program.policyId, { zh: '在项目设置后被修改过', en: 'was edited after the program was configured' });
    return policy;
  }
}
