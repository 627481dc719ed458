import type { Achievement } from '../contract';
import { schemaDefault } from './achievement-facts';

/** A compiled `match` (FORMAT.md section 4): true when the achievement satisfies it. */
export type Matcher = (achievement: Achievement) => boolean;

type Condition = (value: unknown) => boolean;

export type MatcherProblem = { path: (string | number)[]; message: string };

function readField(achievement: Achievement, dotted: string[]): unknown {
  let value: unknown = achievement;
  for (const part of dotted) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function compileCondition(spec: unknown, path: (string | number)[], problems: MatcherProblem[]): Condition {
  if (isScalar(spec)) return (value) => value === spec;
  if (Array.isArray(spec)) {
    if (!spec.every(isScalar)) problems.push({ path, message: 'a list in `match` may hold only strings, numbers or booleans' });
    const allowed = new Set<unknown>(spec);
    return (value) => allowed.has(value);
  }
  if (spec !== null && typeof spec === 'object') {
    const o = spec as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1 && keys[0] === 'exists' && typeof o.exists === 'boolean') {
      const want = o.exists;
      return (value) => (value !== undefined) === want;
    }
    if (keys.length === 1 && keys[0] === 'prefix') {
      const prefixes = Array.isArray(o.prefix) ? o.prefix : [o.prefix];
      if (!prefixes.every((p) => typeof p === 'string')) problems.push({ path, message: '`prefix` must be a string or a list of strings' });
      return (value) => typeof value === 'string' && prefixes.some((p) => typeof p === 'string' && value.startsWith(p));
    }
    if (keys.length === 1 && keys[0] === 'not') {
      const inner = compileCondition(o.not, [...path, 'not'], problems);
      return (value) => value === undefined || !inner(value);
    }
    if (keys.length > 0 && keys.every((k) => k === 'min' || k === 'max')) {
      const min = o.min;
      const max = o.max;
      if ((min !== undefined && typeof min !== 'number') || (max !== undefined && typeof max !== 'number')) {
        problems.push({ path, message: '`min` and `max` must be numbers' });
      }
      return (value) =>
        typeof value === 'number' &&
        (typeof min !== 'number' || value >= min) &&
        (typeof max !== 'number' || value <= max);
    }
  }
  problems.push({ path, message: 'a match value must be a value, a list, { min, max }, { exists }, { prefix } or { not }' });
  return () => false;
}

/** For indexing: the values a single-object matcher requires of plain fields (scalar or list conditions). */
export type Requirements = Map<string, Set<unknown>>;

function requirementsOf(spec: unknown): Requirements | null {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) return null;
  const out: Requirements = new Map();
  for (const [field, condition] of Object.entries(spec as Record<string, unknown>)) {
    if (field === 'type' || field.includes('.')) continue;
    if (isScalar(condition)) out.set(field, new Set([condition]));
    else if (Array.isArray(condition) && condition.every(isScalar)) out.set(field, new Set(condition));
  }
  return out;
}

function compileOne(spec: unknown, path: (string | number)[], problems: MatcherProblem[]): { matcher: Matcher; type?: string } {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    problems.push({ path, message: '`match` must be an object of achievement fields or a list of them' });
    return { matcher: () => false };
  }
  const entries = Object.entries(spec as Record<string, unknown>);
  const type = (spec as Record<string, unknown>).type;
  if (typeof type !== 'string') problems.push({ path, message: '`match` needs `type` (an achievement type)' });
  const checks = entries.map(([field, condition]) => {
    const dotted = field.split('.');
    const test = compileCondition(condition, [...path, field], problems);
    if (dotted.length > 1) return (a: Achievement) => test(readField(a, dotted));
    return (a: Achievement) => {
      const value = a[field];
      return test(value === undefined ? schemaDefault(a.type, field) : value);
    };
  });
  return { matcher: (a) => checks.every((check) => check(a)), type: typeof type === 'string' ? type : undefined };
}

/** Compiles a matcher; also returns the achievement types it can match (for indexing). */
export function compileMatcher(
  spec: unknown,
  path: (string | number)[],
  problems: MatcherProblem[],
): { matcher: Matcher; types: string[]; requirements: Requirements | null } {
  if (Array.isArray(spec)) {
    if (spec.length === 0) problems.push({ path, message: '`match` list must not be empty' });
    const parts = spec.map((s, i) => compileOne(s, [...path, i], problems));
    return {
      matcher: (a) => parts.some((p) => p.matcher(a)),
      types: [...new Set(parts.flatMap((p) => (p.type ? [p.type] : [])))],
      requirements: null,
    };
  }
  const one = compileOne(spec, path, problems);
  return { matcher: one.matcher, types: one.type ? [one.type] : [], requirements: requirementsOf(spec) };
}
