import { AwardCeiling } from './award-ceiling';

/**
 * Why `amountFen` may not be proposed or decided for an item with this ceiling, or null when it may: a whole number of
 * fen from 0 to the ceiling, and for a fixed item exactly the fixed amount or nothing.
 */
export function amountProblem(amountFen: number, ceiling: AwardCeiling | undefined): string | null {
  if (!Number.isSafeInteger(amountFen) || amountFen < 0) return `${amountFen} must be a whole number of fen >= 0`;
  if (!ceiling) return 'is not an item of this application';
  if (amountFen > ceiling.ceilingFen) return `${amountFen} fen is above the item's ceiling of ${ceiling.ceilingFen} fen`;
  if (ceiling.basis === 'fixed' && amountFen !== 0 && amountFen !== ceiling.ceilingFen) {
    return `the policy grants this item a fixed ${ceiling.ceilingFen} fen: decide ${ceiling.ceilingFen} or 0`;
  }
  return null;
}
