import { parse } from 'yaml';

export interface DocumentChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** At most this many changes are listed (a rewritten text would otherwise list every line). */
export const MAX_CHANGES = 500;

/** The YAML text as a plain object, or null when it does not parse to one. */
export function parseDocumentOrNull(text: string): Record<string, unknown> | null {
  try {
    const data: unknown = parse(text, { maxAliasCount: 100 });
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The values that differ between two documents, leaf by leaf, each with its path (`items[3].ceiling`): what the
 * editor marks as changed against the version the draft came from, and what the audit record of a publication keeps.
 * Lists are compared position by position; a value present on one side only has `undefined` on the other (sent as null).
 */
export function documentChanges(before: unknown, after: unknown, path = '', limit = MAX_CHANGES): DocumentChange[] {
  const out: DocumentChange[] = [];
  walk(before, after, path, out, limit);
  return out;
}

function walk(before: unknown, after: unknown, path: string, out: DocumentChange[], limit: number): void {
  if (out.length >= limit) return;
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const key of keys) walk(before[key], after[key], path ? `${path}.${key}` : key, out, limit);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let i = 0; i < Math.max(before.length, after.length); i++) walk(before[i], after[i], `${path}[${i}]`, out, limit);
    return;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ path: path || '$', before: before ?? null, after: after ?? null });
}
