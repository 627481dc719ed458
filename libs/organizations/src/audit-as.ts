import { AuditEntry, AuditLog } from '@subsidy/audit';
import { UserRecord } from '@subsidy/auth';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';

/**
 * Records an audit entry as a specific actor. Public endpoints (registration, invitation acceptance) have no signed-in
 * actor; the account they create is the one acting, so the trail names it rather than "system".
 */
export function auditAs(audit: AuditLog, manager: EntityManager, tenantId: string, actor: Actor, entry: AuditEntry): Promise<void> {
  return RequestContextStore.withTenant(tenantId, () => audit.record(manager, entry), actor);
}

export function applicantActor(user: UserRecord): Actor {
  return { kind: 'user', id: user.id, role: 'applicant', homeTenantId: user.tenantId, organizationId: user.organizationId, districtCode: null, financeLevel: null };
}
