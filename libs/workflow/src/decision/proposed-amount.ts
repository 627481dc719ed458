import { combineExpertAmounts, CombineMethod } from '@subsidy/review';

export interface ItemOpinion {
  stage: 'technical_review' | 'expert_review' | 'decision';
  opinion: 'support' | 'reduce' | 'reject';
  amountFen: number | null;
}

/** What one opinion proposes: its amount, or nothing for a rejection, or the ceiling for support without an amount. */
function opinionAmount(opinion: ItemOpinion, ceilingFen: number): number {
  if (opinion.opinion === 'reject') return 0;
  return Math.min(opinion.amountFen ?? ceilingFen, ceilingFen);
}

/**
 * The amount the review proposes for an item: the experts' combined amount when the panel gave opinions, else the
 * technical reviewer's, else the policy ceiling. Never above the ceiling.
 */
export function proposedAmount(ceilingFen: number, opinions: readonly ItemOpinion[], combine: CombineMethod): number {
  const experts = opinions.filter((o) => o.stage === 'expert_review').map((o) => opinionAmount(o, ceilingFen));
  if (experts.length > 0) return Math.min(combineExpertAmounts(experts, combine), ceilingFen);
  const technical = opinions.filter((o) => o.stage === 'technical_review').map((o) => opinionAmount(o, ceilingFen));
  // Several technical opinions (a re-review) should not happen; the most cautious one is taken if they do.
  if (technical.length > 0) return Math.min(...technical);
  return ceilingFen;
}
