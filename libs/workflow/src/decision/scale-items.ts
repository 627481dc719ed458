import { largestRemainder } from '@subsidy/policy';

export interface DecidedItem {
  achievementId: string;
  decidedFen: number;
}

/**
 * Splits an application's allocation over its items in proportion to what was decided for each (largest remainder),
 * so the items add up to the allocation exactly and none gets more than it was decided. Items decided at 0 stay 0.
 */
export function scaleItems(allocationFen: number, items: readonly DecidedItem[]): DecidedItem[] {
  const total = items.reduce((sum, item) => sum + item.decidedFen, 0);
  if (!Number.isSafeInteger(allocationFen) || allocationFen < 0) throw new Error(`allocationFen: ${allocationFen} must be a whole number of fen >= 0`);
  if (allocationFen > total) throw new Error(`allocationFen: ${allocationFen} is more than the ${total} fen decided`);
  if (allocationFen === 0 || total === 0) return items.map((item) => ({ achievementId: item.achievementId, decidedFen: 0 }));
  const paid = items.filter((item) => item.decidedFen > 0);
  const parts = largestRemainder(allocationFen, paid.map((item) => item.decidedFen));
  const scaled = new Map(paid.map((item, index) => [item.achievementId, parts[index]]));
  return items.map((item) => ({ achievementId: item.achievementId, decidedFen: scaled.get(item.achievementId) ?? 0 }));
}
