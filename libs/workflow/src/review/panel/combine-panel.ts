import { CombineMethod, combineExpertAmounts, combineScores } from '@subsidy/review';
import { AwardCeiling } from '../../pricing/award-ceiling';

export interface CombinedItem {
  achievementId: string;
  amountFen: number;
  ceilingFen: number;
  opinion: 'support' | 'reduce' | 'reject';
  proposals: number[];
}

export interface PanelResult {
  items: CombinedItem[];
  /** Combined rubric score, hundredths of a point. */
  score: number;
}

export interface ScoredSheet {
  scoreTotal: number;
  amounts: Record<string, number>;
}

/**
 * Combines the scorers' sheets with the program's method. A fixed-amount item can only be granted whole or not at all,
 * so its combined value is snapped to the nearer of 0 and the fixed amount (a tie grants it): e.g. with `mean`, two of
 * three experts granting it grants it.
 */
export function combinePanel(sheets: readonly ScoredSheet[], ceilings: readonly AwardCeiling[], method: CombineMethod): PanelResult {
  const items = ceilings.map((ceiling): CombinedItem => {
    const proposals = sheets.map((s) => s.amounts[ceiling.achievementId] ?? 0);
    const combined = combineExpertAmounts(proposals, method);
    const amountFen = ceiling.basis === 'fixed' ? (combined * 2 >= ceiling.ceilingFen ? ceiling.ceilingFen : 0) : Math.min(combined, ceiling.ceilingFen);
    const opinion = amountFen === 0 ? 'reject' : amountFen < ceiling.ceilingFen ? 'reduce' : 'support';
    return { achievementId: ceiling.achievementId, amountFen, ceilingFen: ceiling.ceilingFen, opinion, proposals };
  });
  return { items, score: combineScores(sheets.map((s) => s.scoreTotal), method) };
}
