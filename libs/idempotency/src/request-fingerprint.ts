import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so two equal bodies hash alike whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** What makes two requests "the same" for a key: the scope, method, path and body. */
export function requestFingerprint(request: { scope: string; method: string; path: string; body: unknown }): string {
  return createHash('sha256')
    .update(canonicalJson({ scope: request.scope, method: request.method.toUpperCase(), path: request.path, body: request.body ?? null }))
    .digest('hex');
}

const KEY = /^[\x21-\x7e]{8,128}$/;

export function isValidIdempotencyKey(key: string): boolean {
  return KEY.test(key);
}
