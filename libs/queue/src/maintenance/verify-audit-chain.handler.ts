import { AuditLog, GENESIS_HASH, verifyAuditChain } from '@subsidy/audit';
import { EntityManager } from 'typeorm';
import { JobContext, JobHandler, QueueJobHandler } from '../job-handler';
import { VerifyAuditChainPayload } from '../queue-catalogue';

/**
 * Verifies the tenant's audit chain and appends the outcome to it (`audit.chain-verified` or `audit.chain-broken`),
 * so the trail itself shows when it was last known good and where it broke.
 */
@JobHandler('maintenance', 'audit.verify-chain')
export class VerifyAuditChainHandler implements QueueJobHandler<'maintenance', 'audit.verify-chain'> {
  constructor(private readonly auditLog: AuditLog) {}

  async handle(manager: EntityManager, payload: VerifyAuditChainPayload, context: JobContext): Promise<void> {
    // Lock the head first (creating it as AuditLog does for a tenant's first record): no one appends while the chain
    // is read, so the verified head is the one this job's record follows.
    await manager.query(`insert into audit_heads (tenant_id, seq, hash) values ($1, 0, $2) on conflict (tenant_id) do nothing`, [payload.tenantId, GENESIS_HASH]);
    await manager.query(`select 1 from audit_heads where tenant_id = $1 for update`, [payload.tenantId]);
    const result = await verifyAuditChain(manager, payload.tenantId);
    await this.auditLog.record(manager, {
      action: result.ok ? 'audit.chain-verified' : 'audit.chain-broken',
      entityType: 'audit_chain',
      entityId: payload.tenantId,
      reason: result.ok ? null : result.broken.message,
      data: result.ok
        ? { outboxId: context.outboxId, records: result.records, headSeq: result.headSeq, headHash: result.headHash }
        : { outboxId: context.outboxId, records: result.records, brokenSeq: result.broken.seq, kind: result.broken.kind },
    });
  }
}
