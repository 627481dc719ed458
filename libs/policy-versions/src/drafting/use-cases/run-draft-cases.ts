import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@subsidy/database';
import { RequestContextStore } from '@subsidy/tenancy';
import type { CaseRun } from '../case-run';
import { DraftInspector } from '../draft-inspector';
import { PolicyVersionRows } from '../policy-version-rows';

/** Runs a version's stored cases against its stored text (alone, with the tenant's other published versions). */
@Injectable()
export class RunDraftCases {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly inspector: DraftInspector,
  ) {}

  execute(id: string): Promise<CaseRun> {
    const tenantId = RequestContextStore.requireTenantId();
    return this.transactions.run(async (manager) => {
      const row = await PolicyVersionRows.get(manager, id);
      const report = await this.inspector.validate(manager, tenantId, row.policyId, row.sourceText);
      return this.inspector.runCases(tenantId, row.policyId, report.compiled, row.casesText);
    });
  }
}
