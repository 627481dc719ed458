import { Injectable } from '@nestjs/common';
import { DistrictStore } from '@subsidy/auth';
import { ErrorDetail, ValidationFailedError } from '@subsidy/common';
import { CompiledPolicy } from '@subsidy/policy';
import { EntityManager } from 'typeorm';
import { procedureProblems } from '../procedure-template';
import { ProgramContradictsPolicyError } from '../program-errors';
import { ProgramInput } from '../program-input';
import { ProgramPolicy } from '../program-policy';
import { programYearProblems } from '../program-year';

/**
 * The checks of a program's configuration that need the tenant: the policy version must be one of the tenant's, a
 * district funding source must name one of its districts, and the program must not contradict the procedure of its
 * text (window within the text's validity, required review steps, fixed deadlines and publicity). Reports every
 * problem at once, by JSON path (a year that disagrees with the window is a problem with the input): 400 validation_failed if any problem is with the input itself, 422
 * contradicts_policy when the only problems are what the text forbids.
 */
@Injectable()
export class CheckTenantFit {
  constructor(private readonly programPolicy: ProgramPolicy) {}

  async policyFor(manager: EntityManager, tenantId: string, input: ProgramInput): Promise<CompiledPolicy> {
    const problems: ErrorDetail[] = [...programYearProblems(input)];
    const policy = this.programPolicy.find(tenantId, input.policyId);
    if (!policy) problems.push({ path: 'policyId', message: `${input.policyId} is not a policy version of this tenant` });
    for (const [index, { source }] of input.budget.sources.entries()) {
      if (!source.startsWith('district:')) continue;
      const code = source.slice('district:'.length);
      if (!(await DistrictStore.exists(manager, code))) {
        problems.push({ path: `budget.sources[${index}].source`, message: `${code} is not a district of this tenant` });
      }
    }
    const contradictions = policy ? procedureProblems(policy, input) : [];
    const all = [...problems, ...contradictions];
    const paths = [...new Set(all.map((p) => p.path))].join(', ');
    if (problems.length > 0 || !policy) throw new ValidationFailedError({ zh: '项目设置有误，请按各项提示修改', en: `Invalid request: ${paths}` }, all);
    if (contradictions.length > 0) throw new ProgramContradictsPolicyError({ zh: '项目设置与所依据的政策文件规定不符，请按各项提示修改', en: `The program contradicts policy ${policy.id}: ${paths}` }, contradictions);
    return policy;
  }
}
