import type {
  Achievement,
  Applicant,
  Basis,
  BilingualText,
  PaymentPlan,
  Reason,
  RevenueSharing,
  Share,
  TraceEntry,
} from '../contract';
import type { ThingKey } from '../match/achievement-facts';
import type { CompiledItem, CompiledPolicy } from '../model';
import type { Placement } from '../placement/placement';

/** One achievement being evaluated: its matched item, the running amount and what happened to it. */
export interface WorkItem {
  /** The applicant's uscc: request-wide rules break ties by it before the achievement id. */
  owner: string;
  achievement: Achievement;
  item: CompiledItem | null;
  /** For an add-on part (`stack: true` item): the main part of the same achievement. */
  main?: WorkItem;
  date: string | undefined;
  key: ThingKey;
  amountFen: number;
  basis: Basis | null;
  article: string | null;
  rejected: boolean;
  reasons: Reason[];
  trace: TraceEntry[];
  shares?: Share[];
  revenueSharing?: RevenueSharing;
  payment?: PaymentPlan;
}

/** Everything a rule sees for one applicant. `items` are sorted by achievement id. */
export interface ApplicantContext {
  policy: CompiledPolicy;
  applicant: Applicant;
  /** The applicant's position in the request, for error paths such as `$.applicants[2].district`. */
  index: number;
  /** Where the applicant is registered: the declared district, or what its credit code says. */
  placement: Placement;
  applicationDate: string;
  programYear: number;
  fundTotalFen: number | undefined;
  items: WorkItem[];
}

/** Who wrote a trace entry: the rule's name and the article it comes from. */
export interface TraceSource {
  rule: string;
  article: string;
  source: string;
}

function addReason(work: WorkItem, reason: Reason): void {
  if (!work.reasons.includes(reason)) work.reasons.push(reason);
}

export function record(work: WorkItem, by: TraceSource, text: BilingualText): void {
  work.trace.push({ rule: by.rule, article: by.article, amountFen: work.amountFen, source: by.source, text });
}

/** Rejects the item: amount 0, the reason, and a trace entry. */
export function reject(work: WorkItem, reason: Reason, by: TraceSource, text: BilingualText): void {
  work.amountFen = 0;
  work.rejected = true;
  addReason(work, reason);
  record(work, by, text);
}

/** Lowers the amount (never raises it). Reaching 0 rejects the item. */
export function reduceTo(work: WorkItem, amountFen: number, reason: Reason | null, by: TraceSource, text: BilingualText): void {
  if (amountFen >= work.amountFen) return;
  work.amountFen = Math.max(0, amountFen);
  if (reason) addReason(work, reason);
  if (work.amountFen === 0) work.rejected = true;
  record(work, by, text);
}

/**
 * Awarded items the scope selects. Add-on parts are separate work items so eligibility and caps can reach them;
 * rules that count things (`withParts: false`) see only main parts, and an add-on follows its main part.
 */
export function live(ctx: ApplicantContext, inScope: (item: CompiledItem) => boolean, withParts = true): WorkItem[] {
  return ctx.items.filter((w) => !w.rejected && w.item !== null && (withParts || w.main === undefined) && inScope(w.item));
}

/** Highest amount first; equal amounts by applicant, then achievement id, so choices never depend on request order. */
export function byAmountThenId(a: WorkItem, b: WorkItem): number {
  if (a.amountFen !== b.amountFen) return b.amountFen - a.amountFen;
  if (a.owner !== b.owner) return a.owner < b.owner ? -1 : 1;
  return a.achievement.id < b.achievement.id ? -1 : a.achievement.id > b.achievement.id ? 1 : 0;
}
