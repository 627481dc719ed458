import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashableAuditFields {
  tenantId: string;
  seq: string;
  occurredAt: string;
  actorKind: string;
  actorId: string;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  reason: string | null;
  data: unknown;
  prevHash: string;
}

/** JSON with object keys sorted at every depth, so the same record always hashes the same way. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

/** Each record's hash covers its own fields and its predecessor's hash: editing, deleting or reordering breaks the chain. */
export function auditHash(fields: HashableAuditFields): string {
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}
