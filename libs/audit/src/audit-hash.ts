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

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The text exactly as PostgreSQL will store it. The driver encodes strings as UTF-8, which turns a lone surrogate into
 * U+FFFD, and PostgreSQL stores no NUL (text) or `\u0000` (jsonb) at all. Hashing the text as sent and storing it
 * changed would make every later check of the chain report an edit, so the record hashes and stores this form. The
 * HTTP edge already refuses such text; this is the second line of defence for anything that reaches the audit
 * log another way.
 */
export function storableText(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd').replace(/\u0000/g, '\ufffd');
}

/**
 * A JSON value as it reads back from a jsonb column: what JSON.stringify writes (dates become strings, undefined
 * properties vanish), with every key and string made storable.
 */
export function storableJson(value: unknown): unknown {
  const text = JSON.stringify(value ?? {});
  return JSON.parse(text, (_key, item: unknown) => {
    if (typeof item === 'string') return storableText(item);
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const entries = Object.entries(item);
    if (entries.every(([key]) => storableText(key) === key)) return item;
    // defineProperty, so even a key named __proto__ stays a plain own key, as JSON.parse made it.
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of entries) Object.defineProperty(copy, storableText(key), { value: inner, enumerable: true, writable: true, configurable: true });
    return copy;
  }) as unknown;
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
