import { Inject, Injectable } from '@nestjs/common';
import { POLICY_REPOSITORY, PolicyRepository } from '@subsidy/awards';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { compareApplications, CompiledPolicy, PolicyFileError } from '@subsidy/policy';
import { RequestContextStore } from '@subsidy/tenancy';
import { compileStoredVersion } from '../store/compile-stored-version';
import { readWhatIfData } from './what-if-data';
import { WhatIfReportDto } from './what-if.dto';
import { PolicyVersionNotFoundError } from '../policy-version-errors';
import { WhatIfVersionInvalidError } from './what-if-errors';
import { whatIfApplications } from './what-if-requests';
import { reportOf } from './what-if-report';

export type WhatIfScope = { programId: string } | { year: number };

/**
 * What a policy version (typically a draft) would have paid on the tenant's real applications, against what the
 * versions in force paid them. Reads only: the candidate is compiled in memory and evaluated as if it were in force,
 * never stored as a figure and never used to pay anything, so nothing is written and nothing is audited.
 */
@Injectable()
export class RunPolicyWhatIf {
  constructor(
    private readonly transactions: TenantTransactions,
    @Inject(POLICY_REPOSITORY) private readonly policies: PolicyRepository,
  ) {}

  async execute(versionId: string, scope: WhatIfScope): Promise<WhatIfReportDto> {
    const tenantId = RequestContextStore.requireTenantId();
    const { candidate, data } = await this.transactions.run(async (manager) => {
      const [row] = await queryRows<{ policyId: string; sourceText: string }>(
        manager,
        `select policy_id as "policyId", source_text as "sourceText" from policy_versions where id = $1`,
        [versionId],
      );
      if (!row) throw new PolicyVersionNotFoundError();
      return { candidate: compileCandidate(tenantId, row), data: await readWhatIfData(manager, scope) };
    });
    const { applications, unpriced } = whatIfApplications(data, tenantId, this.policies);
    const comparison = compareApplications(applications, candidate);
    const budgetTotalFen = data.programs.length > 0 ? data.programs.reduce((sum, p) => sum + BigInt(p.budgetTotalFen), 0n).toString() : null;
    return reportOf(comparison, candidate, unpriced + comparison.unpriced.length, {
      programId: 'programId' in scope ? scope.programId : null,
      budgetTotalFen,
    });
  }
}

function compileCandidate(tenantId: string, row: { policyId: string; sourceText: string }): CompiledPolicy {
  try {
    // A draft has no stored hash yet: the text is checked against its own id and tenant only.
    return compileStoredVersion({ tenantId, policyId: row.policyId, sourceText: row.sourceText });
  } catch (error) {
    if (error instanceof PolicyFileError) throw new WhatIfVersionInvalidError(error.message);
    throw error;
  }
}
