import { Inject, Injectable } from '@nestjs/common';
import { POLICY_REPOSITORY, PolicyRepository } from '@subsidy/awards';
import { cstDateOf } from '@subsidy/calendar';
import { CompiledPolicy, evaluateWithPolicy, PolicyEngineError, ResultItem, validateRequest } from '@subsidy/policy';
import { FinanceStateError } from '../finance-errors';
import { FinanceProgram } from '../program-lookup';
import { ApprovedApplication } from './approved-list';

/**
 * Re-runs the program's own policy version (frozen by hash) at the application date, for what the engine says about
 * each item's cost shares and payment plan. The decided amounts come from the decision, not from here.
 */
@Injectable()
export class SharePolicy {
  constructor(@Inject(POLICY_REPOSITORY) private readonly policies: PolicyRepository) {}

  resolve(program: FinanceProgram): CompiledPolicy {
    const policy = this.policies.versions(program.tenantId).find((p) => p.id === program.policyId);
    if (!policy || policy.hash !== program.policyHash) {
      throw new FinanceStateError({
        zh: '本项目所依据的政策文件已变更或已不存在，无法据此计算各级财政承担的份额',
        en: `The policy version ${program.policyId} of this program changed or is gone; the cost shares cannot be computed under it`,
      });
    }
    return policy;
  }

  itemsOf(policy: CompiledPolicy, program: FinanceProgram, application: ApprovedApplication): Map<string, ResultItem> {
    const fund = Number(program.budgetTotalFen);
    const checked = validateRequest({
      applicationDate: cstDateOf(new Date(application.submittedAt)),
      programYear: program.year,
      // The same request the award was priced with: a text that caps a share of the year's fund (Foshan 第二十一条)
      // cannot be evaluated without it.
      ...(Number.isSafeInteger(fund) && fund >= 0 ? { fundTotalFen: fund } : {}),
      applicants: [
        {
          uscc: application.uscc,
          name: application.name,
          kind: application.kind,
          ...(application.districtName ? { district: application.districtName } : {}),
          achievements: application.achievements,
        },
      ],
    });
    if (!checked.ok) {
      throw new FinanceStateError({
        zh: '有一项申报无法按政策重新测算，请联系项目主管部门核查',
        en: `Application ${application.applicationId} cannot be re-evaluated: ${checked.problems[0].path} ${checked.problems[0].message}`,
      });
    }
    try {
      const [applicant] = evaluateWithPolicy(policy, checked.request).applicants;
      return new Map(applicant.items.map((item) => [item.achievementId, item]));
    } catch (error) {
      if (error instanceof PolicyEngineError) throw new FinanceStateError({
          zh: '有一项申报无法按政策重新测算，请联系项目主管部门核查',
          en: `Application ${application.applicationId} cannot be re-evaluated: ${error.message}`,
        });
      throw error;
    }
  }
}
