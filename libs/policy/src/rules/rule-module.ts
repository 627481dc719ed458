import type { BilingualText } from '../contract';
import type { ApplicantContext, TraceSource } from '../engine/work-item';
import type { Scope, ScopeSpec } from '../match/scope';
import type { Matcher } from '../match/matcher';
import type { CompiledItem, MonthDayWindow } from '../model';

/** The evaluation steps, in order (FORMAT.md section 7). */
export const RULE_STEPS = [
  'eligibility',
  'exclusion',
  'double_funding',
  'same_thing',
  'item_amount',
  'counting',
  'group_totals',
  'totals',
  'request_totals',
  'payout',
] as const;
export type RuleStep = (typeof RULE_STEPS)[number];

export type RuleApply = (ctx: ApplicantContext) => void;

/** A rule over all applicants of the request at once (step `request_totals`). */
export interface RequestRule {
  request: (contexts: readonly ApplicantContext[]) => void;
}

/** What a rule kind gets while its declaration is compiled. Failing reports `file:line` of the offending key. */
export interface CompileEnv {
  items: readonly CompiledItem[];
  districts: readonly string[];
  effectiveFrom: string;
  by: TraceSource;
  fail(key: (string | number)[], message: string): never;
  scope(spec: ScopeSpec | undefined, key?: (string | number)[]): Scope;
  yuan(value: unknown, key: (string | number)[]): number;
  percent(value: unknown, key: (string | number)[]): number;
  matcher(spec: unknown, key: (string | number)[]): Matcher;
}

/**
 * One rule kind. Each kind lives in its own file and registers here (rules/index.ts), so adding a kind never edits
 * the engine: the engine only sorts compiled rules by step and calls them.
 */
export interface RuleModule {
  kind: string;
  step: RuleStep;
  label: BilingualText;
  /** JSON Schema properties of the kind's own keys (beside kind/article/source/name/scope). */
  properties: Record<string, object>;
  required?: string[];
  compile(params: Record<string, unknown>, env: CompileEnv): RuleApply | RequestRule;
  /** The application window the rule sets for the whole call, if any (CompiledRule.window); called after compile. */
  window?(params: Record<string, unknown>): MonthDayWindow | undefined;
}
