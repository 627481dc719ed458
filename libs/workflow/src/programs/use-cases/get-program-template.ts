import { Injectable } from '@nestjs/common';
import { ValidationFailedError } from '@subsidy/common';
import { RequestContextStore } from '@subsidy/tenancy';
import { procedureTemplate, ProgramTemplate } from '../procedure-template';
import { ProgramPolicy } from '../program-policy';

/**
 * The configuration a program officer starts a program from: what the policy version's text fixes (with articles) and
 * product defaults for the rest. Reads the tenant's policy files only, so there is nothing to audit.
 */
@Injectable()
export class GetProgramTemplate {
  constructor(private readonly programPolicy: ProgramPolicy) {}

  execute(policyId: string): ProgramTemplate {
    const policy = this.programPolicy.find(RequestContextStore.requireTenantId(), policyId);
    if (!policy) {
      throw new ValidationFailedError({ zh: '所选政策文件不是本地区的政策版本', en: 'Invalid request: policyId' }, [
        { path: 'policyId', message: `${policyId} is not a policy version of this tenant`, messageZh: '不是本地区的政策版本' },
      ]);
    }
    return procedureTemplate(policy);
  }
}
