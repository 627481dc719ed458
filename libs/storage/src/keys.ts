import { randomUUID } from 'crypto';
import { StorageError } from './storage-error';

/** Same shape as tenant ids in config/tenants (slug), also admitting lower-case UUIDs; no dots, no slashes. */
const TENANT_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
/** Generated ids only: letters, digits, '-' and '_'; no dots or separators, so no traversal and no clash with `.sha256`. */
const EVIDENCE_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{7,127}$/;

export function assertTenantId(tenantId: unknown): asserts tenantId is string {
  if (typeof tenantId !== 'string' || !TENANT_ID.test(tenantId)) {
    throw new StorageError('invalid_tenant_id', `tenantId: ${JSON.stringify(tenantId)} is not a tenant id`, 'tenantId');
  }
}

export function assertEvidenceKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || !EVIDENCE_KEY.test(key)) {
    throw new StorageError(
      'invalid_evidence_key',
      `key: ${JSON.stringify(key)} is not an evidence key (8-128 letters, digits, "-" or "_")`,
      'key',
    );
  }
}

/** A fresh random key for a new evidence file. */
export function newEvidenceKey(): string {
  return randomUUID();
}
