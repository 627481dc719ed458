import { invalidInput } from './review-error';

export type CombineMethod = 'mean' | 'median' | 'trimmed_mean' | 'min';

/**
 * Combines the experts' proposed amounts (integer fen) into one, in exact integer arithmetic:
 * - mean: floor of the arithmetic mean (rounded down to the fen, never up);
 * - median: the middle value; for an even count the floor of the mean of the two middle values;
 * - trimmed_mean: drops one highest and one lowest proposal, then the floored mean; with fewer than 3 proposals
 *   nothing is dropped (it is the plain mean);
 * - min: the lowest proposal.
 */
export function combineExpertAmounts(amountsFen: readonly number[], method: CombineMethod): number {
  return combineIntegers(amountsFen, method, 'amountsFen');
}

/**
 * The same rules for rubric scores, which are integers in hundredths of a point (87.5 points = 8750) so that no
 * fractional arithmetic is needed; `mean` floors to the hundredth of a point.
 */
export function combineScores(scores: readonly number[], method: CombineMethod): number {
  return combineIntegers(scores, method, 'scores');
}

function combineIntegers(values: readonly number[], method: CombineMethod, path: string): number {
  if (!Array.isArray(values) || values.length === 0) throw invalidInput(path, 'needs at least one value');
  values.forEach((value, index) => {
    if (!Number.isSafeInteger(value) || value < 0) throw invalidInput(`${path}[${index}]`, `${value} must be a whole number >= 0`);
  });
  const sorted = [...values].sort((a, b) => a - b);
  switch (method) {
    case 'mean':
      return floorMean(sorted);
    case 'median': {
      const middle = Math.floor(sorted.length / 2);
      return sorted.length % 2 === 1 ? sorted[middle] : floorMean([sorted[middle - 1], sorted[middle]]);
    }
    case 'trimmed_mean':
      return floorMean(sorted.length >= 3 ? sorted.slice(1, -1) : sorted);
    case 'min':
      return sorted[0];
    default:
      throw invalidInput('method', `${JSON.stringify(method)} is not one of mean, median, trimmed_mean, min`);
  }
}

/** Sum through bigint so a long list of large amounts cannot leave the safe-integer range before dividing. */
function floorMean(values: readonly number[]): number {
  const sum = values.reduce((total, value) => total + BigInt(value), 0n);
  return Number(sum / BigInt(values.length));
}
