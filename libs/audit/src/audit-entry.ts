/** What a state change records about itself; who and when come from the request context and the clock. */
export interface AuditEntry {
  /** Verb in past tense with its module, e.g. `organization.registered`, `application.submitted`. */
  action: string;
  entityType: string;
  entityId: string;
  /** Why, in the actor's words or the rule's (a rejection reason, an objection's ground). */
  reason?: string | null;
  data?: Record<string, unknown>;
}

export interface AuditRecord extends Required<Omit<AuditEntry, 'reason' | 'data'>> {
  tenantId: string;
  seq: string;
  occurredAt: string;
  actorKind: string;
  actorId: string;
  actorRole: string | null;
  reason: string | null;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}
