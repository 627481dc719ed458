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

  /** One page of the checks (`ok` filters on the outcome), newest day first or oldest with `oldestFirst`, and how many match. */
  async page(filter: { ok?: boolean; oldestFirst?: boolean; limit: number; offset: number }): Promise<{ rows: AuditChainCheckView[]; total: number }> {
    const tenantId = RequestContextStore.requireTenantId();
    // checked_on is unique per tenant (the primary key), so it orders the pages on its own.
    const where = `from audit_chain_checks where tenant_id = $1 and ($2::boolean is null or ok = $2)`;
    return this.transactions.run(async (manager) => {
      const rows = await queryRows<AuditChainCheckRow>(
        manager,
        `select ${AUDIT_CHAIN_CHECK_COLUMNS} ${where} order by checked_on ${filter.oldestFirst ? 'asc' : 'desc'} limit $3 offset $4`,
        [tenantId, filter.ok ?? null, filter.limit, filter.offset],
      );
      const [count] = await queryRows<{ total: number }>(manager, `select count(*)::int as total ${where}`, [tenantId, filter.ok ?? null]);
      return { rows: rows.map(auditChainCheckView), total: count?.total ?? 0 };
    });
  }
}
