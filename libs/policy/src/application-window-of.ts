import type { CompiledPolicy } from './model';

/** The part of each program year in which the text receives applications, with the article that sets it. */
export interface ApplicationWindow {
  /** `MM-DD`, inclusive. */
  from: string;
  /** `MM-DD`, inclusive. */
  to: string;
  article: string;
  source: string;
}

/**
 * The application window a policy's text sets for the whole call (rule `application_window` without `scope`), or
 * null when it sets none. Scoped windows are left out: they condition some items only. Several unscoped windows all
 * hold, so the result is their intersection, citing each of them (from > to then, if they do not overlap: no date fits).
 */
export function applicationWindowOf(policy: Pick<CompiledPolicy, 'rules'>): ApplicationWindow | null {
  const bound = policy.rules.filter((rule) => rule.window !== undefined);
  if (bound.length === 0) return null;
  const from = bound.map((rule) => rule.window!.from).reduce((a, b) => (b > a ? b : a));
  const to = bound.map((rule) => rule.window!.to).reduce((a, b) => (b < a ? b : a));
  return { from, to, article: bound.map((rule) => rule.article).join('、'), source: bound.map((rule) => rule.source).join(', ') };
}
