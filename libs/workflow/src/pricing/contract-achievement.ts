import { Achievement } from '@subsidy/policy';

/**
 * Fields an application stores on an achievement for the review only. The engine's achievement schema keeps unknown
 * fields (policies read some, e.g. `salesFen`), so validation would let these through; they are removed here, the
 * one place a calculation request is built for an application, so no policy can ever match on them.
 */
const REVIEW_ONLY_FIELDS = ['coDraftingUsccs'] as const;

/** The achievement as the calculation contract knows it. */
export function contractAchievement(payload: Achievement): Achievement {
  const copy: Record<string, unknown> = { ...payload };
  for (const field of REVIEW_ONLY_FIELDS) delete copy[field];
  return copy as Achievement;
}
