import type { BilingualText, CalcRequest, CalcResult } from './contract';
import { evaluateWithPolicy } from './engine/evaluate';
import { PolicyEngineError } from './errors';
import type { CompiledItem, CompiledPolicy } from './model';
import type { TenantGeography } from './placement/placement';

/**
 * One real application to compare: its calculation request (one applicant, at its own application date, with the prior
 * awards, other funding and sanctions the engine normally sees) and the version that was in force for it.
 */
export interface WhatIfApplication {
  /** The caller's id of the application (reported back for those that cannot be priced). */
  key: string;
  /** Groups applications per applicant (e.g. an organization id); never shown, the name is. */
  applicantKey: string;
  /** The applicant's name as declared (a snapshot), which is what the report shows. */
  applicantName: string;
  request: CalcRequest;
  /** The version in force at the application's date: the "before" side. */
  baseline: CompiledPolicy;
}

export interface WhatIfItemLine {
  /** null: achievements no item of either version covers. */
  itemId: string | null;
  label: BilingualText;
  article: string | null;
  /** Achievements priced under this item by either version. */
  count: number;
  beforeFen: number;
  afterFen: number;
  deltaFen: number;
}

export interface WhatIfApplicantLine {
  applicantKey: string;
  applicantName: string;
  applicationCount: number;
  beforeFen: number;
  afterFen: number;
  deltaFen: number;
}

export interface WhatIfComparison {
  /** Applications priced under both versions (the totals cover exactly these). */
  applications: number;
  /** Applications either version could not price (e.g. the draft needs an input they lack), left out of the totals. */
  unpriced: Array<{ key: string; side: 'before' | 'after'; reason: string }>;
  /** The baseline versions used, most applications first. */
  baselinePolicyIds: string[];
  totalBeforeFen: number;
  totalAfterFen: number;
  deltaFen: number;
  /** Candidate file order, then items only the baseline has, then uncovered achievements; lines paying nothing either way are left out. */
  byItem: WhatIfItemLine[];
  /** Largest change first (by its absolute value), then by name; at most `applicantLimit`. */
  byApplicant: WhatIfApplicantLine[];
}

export interface WhatIfOptions {
  geography?: TenantGeography;
  /** How many applicant lines to keep (default 200). */
  applicantLimit?: number;
}

const UNCOVERED: BilingualText = { zh: '未对应资助项目', en: 'Not covered by any item' };

/** Items by id, built once per compiled version (a report reuses a handful of versions over thousands of applications). */
const itemIndexes = new WeakMap<CompiledPolicy, Map<string, CompiledItem>>();
function itemsOf(policy: CompiledPolicy): Map<string, CompiledItem> {
  let index = itemIndexes.get(policy);
  if (!index) {
    index = new Map(policy.items.map((item) => [item.id, item]));
    itemIndexes.set(policy, index);
  }
  return index;
}

interface ItemTotals {
  count: number;
  beforeFen: number;
  afterFen: number;
}

function priced(policy: CompiledPolicy, application: WhatIfApplication, geography: TenantGeography | undefined): CalcResult | string {
  try {
    return evaluateWithPolicy(policy, application.request, geography);
  } catch (error) {
    if (error instanceof PolicyEngineError) return error.message;
    throw error;
  }
}

/**
 * Prices each application under the version in force for it and under the candidate (a draft evaluated as if it were
 * in force, whatever its own validity dates: the question is what it would have paid), and adds up the change per
 * award item, per applicant and in total. Each application is evaluated alone, as the product prices it, so request-
 * wide rules (a fund share, a request total) see the same request on both sides. Pure: no database, no clock.
 */
export function compareApplications(applications: readonly WhatIfApplication[], candidate: CompiledPolicy, options: WhatIfOptions = {}): WhatIfComparison {
  const items = new Map<string | null, ItemTotals>();
  const applicants = new Map<string, WhatIfApplicantLine>();
  const baselines = new Map<string, { policy: CompiledPolicy; uses: number }>();
  const unpriced: WhatIfComparison['unpriced'] = [];
  let count = 0;
  let totalBeforeFen = 0;
  let totalAfterFen = 0;
  const add = (itemId: string | null, beforeFen: number, afterFen: number): void => {
    const line = items.get(itemId) ?? { count: 0, beforeFen: 0, afterFen: 0 };
    line.count += 1;
    line.beforeFen += beforeFen;
    line.afterFen += afterFen;
    items.set(itemId, line);
  };

  for (const application of applications) {
    const before = priced(application.baseline, application, options.geography);
    if (typeof before === 'string') {
      unpriced.push({ key: application.key, side: 'before', reason: before });
      continue;
    }
    const after = priced(candidate, application, options.geography);
    if (typeof after === 'string') {
      unpriced.push({ key: application.key, side: 'after', reason: after });
      continue;
    }
    count += 1;
    const used = baselines.get(application.baseline.id) ?? { policy: application.baseline, uses: 0 };
    used.uses += 1;
    baselines.set(application.baseline.id, used);

    let beforeFen = 0;
    let afterFen = 0;
    for (const [i, b] of before.applicants.entries()) {
      const a = after.applicants[i];
      beforeFen += b.totalFen;
      afterFen += a.totalFen;
      // The engine answers the achievements in request order on both sides, so they pair by position.
      for (const [j, itemBefore] of b.items.entries()) {
        const itemAfter = a.items[j];
        if (itemBefore.itemId === itemAfter.itemId) {
          add(itemBefore.itemId, itemBefore.amountFen, itemAfter.amountFen);
        } else {
          // Moved to another item: its old item loses the amount, the new one gains it; both count the achievement.
          add(itemBefore.itemId, itemBefore.amountFen, 0);
          add(itemAfter.itemId, 0, itemAfter.amountFen);
        }
      }
    }
    totalBeforeFen += beforeFen;
    totalAfterFen += afterFen;
    const applicant = applicants.get(application.applicantKey) ?? {
      applicantKey: application.applicantKey,
      applicantName: application.applicantName,
      applicationCount: 0,
      beforeFen: 0,
      afterFen: 0,
      deltaFen: 0,
    };
    applicant.applicationCount += 1;
    applicant.beforeFen += beforeFen;
    applicant.afterFen += afterFen;
    applicant.deltaFen = applicant.afterFen - applicant.beforeFen;
    applicants.set(application.applicantKey, applicant);
  }

  const usedBaselines = [...baselines.values()].sort((x, y) => y.uses - x.uses || (x.policy.id < y.policy.id ? -1 : 1));
  return {
    applications: count,
    unpriced,
    baselinePolicyIds: usedBaselines.map((b) => b.policy.id),
    totalBeforeFen,
    totalAfterFen,
    deltaFen: totalAfterFen - totalBeforeFen,
    byItem: itemLines(items, candidate, usedBaselines.map((b) => b.policy)),
    byApplicant: [...applicants.values()]
      .sort((x, y) => Math.abs(y.deltaFen) - Math.abs(x.deltaFen) || (x.applicantName < y.applicantName ? -1 : x.applicantName > y.applicantName ? 1 : 0))
      .slice(0, options.applicantLimit ?? 200),
  };
}

/** The lines with their names and articles: the candidate's wording where it has the item, else the baseline's. */
function itemLines(totals: Map<string | null, ItemTotals>, candidate: CompiledPolicy, baselines: readonly CompiledPolicy[]): WhatIfItemLine[] {
  const describe = (itemId: string | null): { label: BilingualText; article: string | null; order: number } => {
    if (itemId === null) return { label: UNCOVERED, article: null, order: Number.MAX_SAFE_INTEGER };
    const own = itemsOf(candidate).get(itemId);
    if (own) return { label: own.name, article: own.article, order: own.order };
    for (const baseline of baselines) {
      const old = itemsOf(baseline).get(itemId);
      if (old) return { label: old.name, article: old.article, order: candidate.items.length + old.order };
    }
    return { label: { zh: itemId, en: itemId }, article: null, order: Number.MAX_SAFE_INTEGER - 1 };
  };
  return [...totals.entries()]
    .filter(([, t]) => t.beforeFen !== 0 || t.afterFen !== 0)
    .map(([itemId, t]) => ({ itemId, ...describe(itemId), ...t }))
    .sort((x, y) => x.order - y.order || String(x.itemId).localeCompare(String(y.itemId)))
    .map(({ itemId, label, article, count, beforeFen, afterFen }) => ({ itemId, label, article, count, beforeFen, afterFen, deltaFen: afterFen - beforeFen }));
}
