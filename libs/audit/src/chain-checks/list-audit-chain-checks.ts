import { Injectable } from '@nestjs/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { RequestContextStore } from '@subsidy/tenancy';
import { AUDIT_CHAIN_CHECK_COLUMNS, AuditChainCheckRow, AuditChainCheckView, auditChainCheckView } from './audit-chain-check';

/** The acting tenant's latest audit-chain checks, newest day first. */
@Injectable()
export class ListAuditChainChecks {
  constructor(private readonly transactions: TenantTransactions) {}

  async list(limit: number): Promise<AuditChainCheckView[]> {
    const tenantId = RequestContextStore.requireTenantId();
    const rows = await this.transactions.run((manager) =>
      queryRows<AuditChainCheckRow>(
        manager,
        `select ${AUDIT_CHAIN_CHECK_COLUMNS} from audit_chain_checks where tenant_id = $1 order by checked_on desc limit $2`,
        [tenantId, limit],
      ),
    );
    return rows.map(auditChainCheckView);
  }
}
