import { Injectable } from '@nestjs/common';
import { RequestContextStore, SYSTEM_ACTOR } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { AuditEntry } from './audit-entry';
import { auditHash, GENESIS_HASH, storableJson, storableText } from './audit-hash';

/**
 * Appends to the tenant's hash chain inside the caller's transaction, so the record exists exactly when the change does.
 * The head row is locked for the rest of the transaction, which serialises writers of one tenant and keeps seq gapless.
 */
@Injectable()
export class AuditLog {
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    const tenantId = RequestContextStore.requireTenantId();
    const actor = RequestContextStore.actor() ?? SYSTEM_ACTOR;
    await manager.query(
      `insert into audit_heads (tenant_id, seq, hash) values ($1, 0, $2) on conflict (tenant_id) do nothing`,
      [tenantId, GENESIS_HASH],
    );
    const [head] = (await manager.query(`select seq::text as seq, hash from audit_heads where tenant_id = $1 for update`, [tenantId])) as Array<{ seq: string; hash: string }>;
    const [{ now }] = (await manager.query(`select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as now`)) as Array<{ now: string }>;
    const fields = {
      tenantId,
      seq: (BigInt(head.seq) + 1n).toString(),
      occurredAt: now,
      actorKind: actor.kind,
      actorId: actor.id,
      actorRole: actor.role ?? null,
      // Hashed exactly as stored (storableText), or the nightly check would report an edit for ever after.
      action: storableText(entry.action),
      entityType: storableText(entry.entityType),
      entityId: storableText(entry.entityId),
      reason: entry.reason == null ? null : storableText(entry.reason),
      data: storableJson(entry.data ?? {}),
      prevHash: head.hash,
    };
    const hash = auditHash(fields);
    await manager.query(
      `insert into audit_log (tenant_id, seq, occurred_at, actor_kind, actor_id, actor_role, action, entity_type, entity_id, reason, data, prev_hash, hash)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [tenantId, fields.seq, fields.occurredAt, fields.actorKind, fields.actorId, fields.actorRole, fields.action, fields.entityType, fields.entityId, fields.reason, JSON.stringify(fields.data), fields.prevHash, hash],
    );
    await manager.query(`update audit_heads set seq = $2, hash = $3 where tenant_id = $1`, [tenantId, fields.seq, hash]);
  }
}
