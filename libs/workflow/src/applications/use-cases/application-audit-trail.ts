import { Injectable } from '@nestjs/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { ApplicationAccess } from '../application-access';

/** One audit record of an application, as an officer reads it: what happened, when, by whom, and why. */
export interface AuditTrailEntry {
  /** Position in the tenant's hash chain (a decimal string: bigint). */
  seq: string;
  occurredAt: string;
  /** `application.<verb>`, e.g. `application.formal-check-passed`; the screens word it. */
  action: string;
  actorKind: string;
  actorRole: string | null;
  /** The acting user's display name; null for the system (jobs) or a user no longer found. */
  actorName: string | null;
  reason: string | null;
}

interface AuditRow extends Omit<AuditTrailEntry, 'occurredAt'> {
  occurredAt: Date;
}

/**
 * The audit trail of one application, oldest first: every record of the tenant's hash chain about it. Read under the
 * same access rule as the application itself (ApplicationAccess.read: 404 where it is out of reach), and through
 * row-level security, so another tenant's records never appear. An application's trail is tens of records: not paged.
 */
@Injectable()
export class ApplicationAuditTrail {
  constructor(private readonly transactions: TenantTransactions) {}

  async list(actor: Actor, applicationId: string): Promise<AuditTrailEntry[]> {
    return this.transactions.run(async (manager) => {
      const application = await ApplicationAccess.read(manager, actor, applicationId);
      const rows = await queryRows<AuditRow>(
        manager,
        `select l.seq::text as seq, l.occurred_at as "occurredAt", l.action, l.actor_kind as "actorKind", l.actor_role as "actorRole",
                u.display_name as "actorName", l.reason
           from audit_log l
           left join users u on l.actor_kind = 'user' and u.tenant_id = l.tenant_id and u.id::text = l.actor_id
          where l.entity_type = 'application' and l.entity_id = $1
          order by l.seq`,
        [application.id],
      );
      return rows.map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString() }));
    });
  }
}
