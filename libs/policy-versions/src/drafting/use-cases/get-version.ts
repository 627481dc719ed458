import { Injectable } from '@nestjs/common';
import { RequestContextStore } from '@subsidy/tenancy';
import { TenantTransactions } from '@subsidy/database';
import { DraftInspector } from '../draft-inspector';
import { PolicyVersionRows } from '../policy-version-rows';
import type { PolicyVersionDetail } from '../version-view';

/** One version with its text, validation, changes against its origin and its cases run. */
@Injectable()
export class GetVersion {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly inspector: DraftInspector,
  ) {}

  execute(id: string): Promise<PolicyVersionDetail> {
    return this.transactions.run(async (manager) => this.inspector.detail(manager, RequestContextStore.requireTenantId(), await PolicyVersionRows.get(manager, id)));
  }
}
