import { Inject, Injectable } from '@nestjs/common';
import { CalendarDate, Clock, cstDateOf } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { queryRows } from '@subsidy/database';
import { RequestContextStore } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { GENESIS_HASH } from '../audit-hash';
import { AuditLog } from '../audit-log';
import { AuditChainVerification, verifyAuditChain } from '../verify-chain';

export interface AuditChainCheckOutcome {
  verification: AuditChainVerification;
  checkedOn: CalendarDate;
  checkedAt: Date;
  /**
   * True when the chain is broken and no alert has gone out for this tenant today: the caller alerts now, in the same
   * transaction, so the day's check alerts exactly once however often it runs.
   */
  alert: boolean;
}

/**
 * Verifies the context tenant's audit chain inside the caller's tenant transaction (application role, `app.tenant_id`
 * set, so row-level security shows this tenant's records and no other's), stores the day's result in
 * `audit_chain_checks` (one row per tenant per China Standard Time day, replaced by a re-run) and appends the outcome
 * to the chain itself (`audit.chain-verified` / `audit.chain-broken`), so the trail shows when it was last known good.
 */
@Injectable()
export class CheckAuditChain {
  constructor(
    private readonly auditLog: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(manager: EntityManager, context: { outboxId: string }): Promise<AuditChainCheckOutcome> {
    const tenantId = RequestContextStore.requireTenantId();
    // Lock the head first (creating it as AuditLog does for a tenant's first record): no one appends while the chain is
    // read, and two checks of one tenant run one after the other, so the second sees the first's row and alert.
    await manager.query(`insert into audit_heads (tenant_id, seq, hash) values ($1, 0, $2) on conflict (tenant_id) do nothing`, [tenantId, GENESIS_HASH]);
    await manager.query(`select 1 from audit_heads where tenant_id = $1 for update`, [tenantId]);
    const verification = await verifyAuditChain(manager, tenantId);
    const checkedAt = this.clock.now();
    const checkedOn = cstDateOf(checkedAt);

    const [today] = await queryRows<{ alertedAt: Date | null }>(
      manager,
      `select alerted_at as "alertedAt" from audit_chain_checks where tenant_id = $1 and checked_on = $2`,
      [tenantId, checkedOn],
    );
    const alert = !verification.ok && !today?.alertedAt;
    const broken = verification.ok ? null : verification.broken;
    await manager.query(
      `insert into audit_chain_checks (tenant_id, checked_on, checked_at, ok, records_checked, head_seq, head_hash, broken_seq, broken_kind, broken_reason, alerted_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       on conflict (tenant_id, checked_on) do update set
         checked_at = excluded.checked_at, ok = excluded.ok, records_checked = excluded.records_checked,
         head_seq = excluded.head_seq, head_hash = excluded.head_hash, broken_seq = excluded.broken_seq,
         broken_kind = excluded.broken_kind, broken_reason = excluded.broken_reason,
         alerted_at = coalesce(audit_chain_checks.alerted_at, excluded.alerted_at)`,
      [
        tenantId,
        checkedOn,
        checkedAt,
        verification.ok,
        verification.records,
        verification.ok ? verification.headSeq : null,
        verification.ok ? verification.headHash : null,
        broken?.seq ?? null,
        broken?.kind ?? null,
        broken ? broken.message.slice(0, 2000) : null,
        alert ? checkedAt : null,
      ],
    );

    await this.auditLog.record(manager, {
      action: verification.ok ? 'audit.chain-verified' : 'audit.chain-broken',
      entityType: 'audit_chain',
      entityId: tenantId,
      reason: broken?.message ?? null,
      data: verification.ok
        ? { outboxId: context.outboxId, checkedOn, records: verification.records, headSeq: verification.headSeq, headHash: verification.headHash }
        : { outboxId: context.outboxId, checkedOn, records: verification.records, brokenSeq: broken?.seq, kind: broken?.kind },
    });
    return { verification, checkedOn, checkedAt, alert };
  }
}
