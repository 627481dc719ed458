import { largestRemainder } from '@subsidy/policy';
import { invalidAllocation } from './allocation-error';

export interface AwardRequest {
  id: string;
  /** The decided award before the budget rule, integer fen. */
  amountFen: number;
  /** 1 = best. Equal ranks are ordered by id. Only rank_order looks at it. */
  rank: number;
}

export type AllocationRule = 'pro_rata' | 'rank_order';

export interface AllocationOptions {
  /**
   * rank_order only: when the next award in rank order does not fit in full, fund it with what is left (true, the
   * default) or not at all (false). Either way every award ranked after it gets nothing, even a smaller one that
   * would fit: funding follows the ranking strictly.
   */
  partialLast?: boolean;
}

export interface Allocation {
  id: string;
  requestedFen: number;
  allocatedFen: number;
}

export interface AllocationResult {
  rule: AllocationRule;
  budgetFen: number;
  requestedFen: number;
  allocatedFen: number;
  /** budget - allocated: unused money (always >= 0). */
  unallocatedFen: number;
  /** One entry per award, in the order the awards were given. */
  allocations: Allocation[];
}

/**
 * Applies the budget rule of a decision. When the awards fit in the budget every award is paid in full, whatever the
 * rule. Otherwise:
 * - pro_rata: every award is scaled by budget / total requested; the fen are split by largest remainder (over awards
 *   sorted by id, so the input order does not matter), so the allocations add up to the budget exactly and none
 *   exceeds its request. An award requesting more never gets less than one requesting less.
 * - rank_order: awards are funded in full in rank order (ties by id) while the money lasts; the first that does not
 *   fit gets the remainder (or nothing, with partialLast: false); all later ones get nothing.
 * Total allocated = min(budget, total requested), except rank_order with partialLast: false, which may leave money
 * unallocated.
 */
export function allocateBudget(
  budgetFen: number,
  awards: readonly AwardRequest[],
  rule: AllocationRule,
  options: AllocationOptions = {},
): AllocationResult {
  checkInput(budgetFen, awards, rule);
  const requestedFen = awards.reduce((sum, award) => sum + award.amountFen, 0);
  if (!Number.isSafeInteger(requestedFen)) {
    throw invalidAllocation('awards', 'the total requested is beyond the safe integer range');
  }
  const granted = grant(budgetFen, requestedFen, awards, rule, options.partialLast ?? true);
  const allocations = awards.map((award) => ({
    id: award.id,
    requestedFen: award.amountFen,
    allocatedFen: granted.get(award.id) ?? 0,
  }));
  const allocatedFen = allocations.reduce((sum, a) => sum + a.allocatedFen, 0);
  return { rule, budgetFen, requestedFen, allocatedFen, unallocatedFen: budgetFen - allocatedFen, allocations };
}

function grant(
  budgetFen: number,
  requestedFen: number,
  awards: readonly AwardRequest[],
  rule: AllocationRule,
  partialLast: boolean,
): Map<string, number> {
  if (requestedFen <= budgetFen) return fullFunding(awards);
  return rule === 'pro_rata' ? proRata(budgetFen, awards) : rankOrder(budgetFen, awards, partialLast);
}

function fullFunding(awards: readonly AwardRequest[]): Map<string, number> {
  return new Map(awards.map((award) => [award.id, award.amountFen]));
}

function proRata(budgetFen: number, awards: readonly AwardRequest[]): Map<string, number> {
  const byId = [...awards].sort((a, b) => compareIds(a.id, b.id));
  const parts = largestRemainder(budgetFen, byId.map((award) => award.amountFen));
  return new Map(byId.map((award, index) => [award.id, parts[index]]));
}

function rankOrder(budgetFen: number, awards: readonly AwardRequest[], partialLast: boolean): Map<string, number> {
  const ordered = [...awards].sort((a, b) => a.rank - b.rank || compareIds(a.id, b.id));
  const granted = new Map<string, number>();
  let left = budgetFen;
  let stopped = false;
  for (const award of ordered) {
    if (stopped) {
      granted.set(award.id, 0);
    } else if (award.amountFen <= left) {
      granted.set(award.id, award.amountFen);
      left -= award.amountFen;
    } else {
      granted.set(award.id, partialLast ? left : 0);
      left = partialLast ? 0 : left;
      stopped = true;
    }
  }
  return granted;
}

/** Code-unit order, not locale order, so the tie-break is the same on every machine. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function checkInput(budgetFen: number, awards: readonly AwardRequest[], rule: AllocationRule): void {
  if (!Number.isSafeInteger(budgetFen) || budgetFen < 0) {
    throw invalidAllocation('budgetFen', `${budgetFen} must be a whole number of fen >= 0`);
  }
  if (rule !== 'pro_rata' && rule !== 'rank_order') {
    throw invalidAllocation('rule', `${JSON.stringify(rule)} is not pro_rata or rank_order`);
  }
  if (!Array.isArray(awards)) throw invalidAllocation('awards', 'must be a list');
  const seen = new Set<string>();
  awards.forEach((award, index) => {
    if (typeof award.id !== 'string' || award.id === '') {
      throw invalidAllocation(`awards[${index}].id`, 'must be a non-empty string');
    }
    if (seen.has(award.id)) throw invalidAllocation(`awards[${index}].id`, `"${award.id}" appears twice`);
    seen.add(award.id);
    if (!Number.isSafeInteger(award.amountFen) || award.amountFen < 0) {
      throw invalidAllocation(`awards[${index}].amountFen`, `${award.amountFen} must be a whole number of fen >= 0`);
    }
    if (!Number.isSafeInteger(award.rank)) {
      throw invalidAllocation(`awards[${index}].rank`, `${award.rank} must be a whole number`);
    }
  });
}
