import { PricedPart } from './award-ceiling';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The priced parts of the estimate stored at submission (`applications.estimate`, an `AwardEstimate`:
 * `{ applicationDate, programYear, policy: { hash, ... }, totalFen, items }`), when it was computed under exactly the
 * program's policy text. It is preferred to a fresh evaluation because it is what the applicant was shown and was made
 * with everything known at submission. Anything malformed or from another policy text gives null, and the caller
 * evaluates the policy afresh instead of trusting it.
 */
export function storedEstimateParts(estimate: unknown, policyHash: string): PricedPart[] | null {
  if (!isRecord(estimate) || !isRecord(estimate.policy) || estimate.policy.hash !== policyHash || !Array.isArray(estimate.items)) return null;
  const parts: PricedPart[] = [];
  for (const raw of estimate.items as unknown[]) {
    if (!isRecord(raw)) return null;
    const { achievementId, itemId, outcome, amountFen, basis, article } = raw;
    if (typeof achievementId !== 'string') return null;
    if (outcome !== 'awarded' && outcome !== 'rejected') return null;
    if (typeof amountFen !== 'number' || !Number.isSafeInteger(amountFen) || amountFen < 0) return null;
    if (basis !== 'fixed' && basis !== 'ceiling' && basis !== null) return null;
    if (typeof article !== 'string' && article !== null) return null;
    if (typeof itemId !== 'string' && itemId !== null && itemId !== undefined) return null;
    parts.push({ achievementId, itemId: itemId ?? null, outcome, amountFen, basis, article });
  }
  return parts;
}
