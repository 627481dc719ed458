import { ErrorDetail } from '@subsidy/common';
import { amountProblem, amountProblemZh } from '../pricing/amount-problem';
import { AwardCeiling } from '../pricing/award-ceiling';
import { DecisionInputError } from './decision-errors';

export interface DecideItemCommand {
  achievementId: string;
  amountFen: number;
  reason?: string;
}

/** Every achievement once, each amount within its ceiling; every problem is reported with its JSON path. */
export function checkItems(items: readonly DecideItemCommand[], ceilings: Map<string, AwardCeiling>): void {
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const ceiling = ceilings.get(item.achievementId);
    if (!ceiling) {
      details.push({ path: `items[${index}].achievementId`, message: `"${item.achievementId}" is not an achievement of this application` });
      return;
    }
    if (seen.has(item.achievementId)) details.push({ path: `items[${index}].achievementId`, message: `"${item.achievementId}" appears twice` });
    seen.add(item.achievementId);
    const problem = amountProblem(item.amountFen, ceiling);
    if (problem) details.push({ path: `items[${index}].amountFen`, message: problem, messageZh: amountProblemZh(item.amountFen, ceiling) ?? undefined });
  });
  const missing = [...ceilings.keys()].filter((id) => !seen.has(id));
  if (missing.length > 0) details.push({ path: 'items', message: `every achievement needs a decision; missing: ${missing.join(', ')}` });
  if (details.length > 0) throw new DecisionInputError(details);
}

const hasText = (reason: string | null | undefined): reason is string => typeof reason === 'string' && reason.trim() !== '';

/**
 * An office that departs from what the review proposed says why, item by item (the reason is stored on the item and
 * shown in the decision list). A full rejection (every item at 0) is instead explained once for the application,
 * which `rejectionReasonOf` requires, so it is not checked here.
 */
export function checkDepartureReasons(items: ReadonlyArray<{ amountFen: number; reason?: string | null }>, proposedFen: readonly number[]): void {
  if (items.every((item) => item.amountFen === 0)) return;
  const details: ErrorDetail[] = [];
  items.forEach((item, index) => {
    if (item.amountFen !== proposedFen[index] && !hasText(item.reason)) {
      details.push({
        path: `items[${index}].reason`,
        message: `${item.amountFen} fen differs from the ${proposedFen[index]} fen the review proposed: give the reason`,
        messageZh: `决定金额 ${item.amountFen} 分与评审建议的 ${proposedFen[index]} 分不同，须说明理由`,
      });
    }
  });
  if (details.length > 0) throw new DecisionInputError(details);
}

/** The reason of a full rejection: the items' reasons, each once. */
export function rejectionReasonOf(items: ReadonlyArray<{ reason: string | null }>): string {
  const reasons = items.map((i) => i.reason).filter(hasText);
  if (reasons.length === 0) {
    throw new DecisionInputError([{ path: 'items[0].reason', message: 'deciding every item at 0 rejects the application: give the reason' }]);
  }
  return [...new Set(reasons)].join('; ');
}
