import { Injectable } from '@nestjs/common';
import { Paged } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { DraftInspector } from '../draft-inspector';
import { parseDocumentOrNull } from '../document-changes';
import { PolicyVersionRows, type PolicyVersionState } from '../policy-version-rows';
import { toSummary, type PolicyVersionSummary } from '../version-view';

/** The tenant's policy versions of every state, most recently changed first (row-level security: own tenant only). */
@Injectable()
export class ListVersions {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly inspector: DraftInspector,
  ) {}

  page(filter: { state?: PolicyVersionState; policyId?: string; orderBy?: string; limit: number; offset: number }): Promise<Paged<PolicyVersionSummary>> {
    const today = this.inspector.today();
    return this.transactions.run(async (manager) => {
      const { rows, total } = await PolicyVersionRows.page(manager, filter);
      return { rows: rows.map((row) => toSummary(row, parseDocumentOrNull(row.sourceText), today)), total };
    });
  }
}
