import type { Procedure } from './procedure';
import type { Achievement, Basis, BilingualText } from './contract';
import type { Matcher, Requirements } from './match/matcher';
import type { ItemIndex } from './match/item-index';
import type { RequestRule, RuleApply, RuleStep } from './rules/rule-module';

/** How an item's amount is found. Fen are exact integers; `rate` is computed per achievement. */
export type ItemAmount =
  | { form: 'fixed' | 'ceiling' | 'derive'; amountFen: number; describe: BilingualText }
  | { form: 'rate'; basisPoints: number; of: string; ceilingFen?: number; describe: BilingualText };

export interface InstallmentSpec {
  when: string;
  basisPoints: number;
}

export interface PaymentSpec {
  plan: 'lump_sum' | 'installments';
  installments: InstallmentSpec[];
  article: string;
}

export interface CompiledItem {
  id: string;
  name: BilingualText;
  article: string;
  source: string;
  category: string;
  types: string[];
  matches: Matcher;
  /** Plain-field values the matcher requires (for the item index); null for OR matchers. */
  requirements: Requirements | null;
  basis: Basis;
  amount: ItemAmount;
  stack: boolean;
  payment?: PaymentSpec;
  /** The trace text of a plain match ("name: amount"), built once. */
  matchText: BilingualText;
  /** Position in the file, for deterministic ties. */
  order: number;
}

export interface CompiledRule {
  kind: string;
  step: RuleStep;
  article: string;
  source: string;
  label: BilingualText;
  order: number;
  apply: RuleApply | RequestRule;
  /**
   * The part of the program year in which applications are received, as `MM-DD` dates (defaults filled in), when the
   * rule binds every item: set by `application_window` without `scope` only, since a scoped window is a condition on
   * some items, not a window of the call. Lets the workflow hold a program's window to the text without re-reading it.
   */
  window?: MonthDayWindow;
}

/** A window of the year as `MM-DD` dates, both ends inclusive. */
export interface MonthDayWindow {
  from: string;
  to: string;
}

export interface CompiledPolicy {
  id: string;
  tenant: string;
  title: string;
  documentNo: string | null;
  issuers: string[];
  published?: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  districts: string[];
  file: string;
  hash: string;
  items: CompiledItem[];
  itemsByType: Map<string, CompiledItem[]>;
  /** Items that may match an achievement (a superset of the matching ones, in file order). */
  candidates: ItemIndex;
  /** Sorted by step, then file order. */
  rules: CompiledRule[];
  /** How the text says a call is run (all null when the file has no `procedure` block). */
  procedure: Procedure;
}

