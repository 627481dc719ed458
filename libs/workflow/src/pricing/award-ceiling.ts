import { ResultItem } from '@subsidy/policy';

/** The parts of an engine result item that pricing reads (`itemId`: the policy item that priced it, when known). */
export type PricedPart = Pick<ResultItem, 'achievementId' | 'outcome' | 'amountFen' | 'basis' | 'article'> & { itemId?: string | null };

/** The most the policy allows for one achievement, and whether it is exactly that amount or nothing. */
export interface AwardCeiling {
  achievementId: string;
  ceilingFen: number;
  /** `fixed`: the policy grants exactly this amount or nothing; `ceiling`: anything up to it. */
  basis: 'fixed' | 'ceiling';
  /** The articles the amount rests on, e.g. "第七条、第八条"; null when the policy pays nothing for the achievement. */
  article: string | null;
}

/**
 * Per-achievement ceilings, in the order of `achievementIds`, from the parts of an engine result. One achievement may
 * yield several paid parts (a main award and an add-on): its ceiling is their sum, `fixed` only when every paid part is
 * fixed. Nothing payable = ceiling 0, basis `ceiling` (so a fixed basis never suggests a positive fixed amount). Parts
 * of achievements not in `achievementIds` are ignored.
 */
export function ceilingsOfParts(parts: readonly PricedPart[], achievementIds: readonly string[]): Map<string, AwardCeiling> {
  const ceilings = new Map<string, AwardCeiling & { articles: string[]; allFixed: boolean }>();
  for (const id of achievementIds) ceilings.set(id, { achievementId: id, ceilingFen: 0, basis: 'ceiling', article: null, articles: [], allFixed: true });
  for (const item of parts) {
    const current = ceilings.get(item.achievementId);
    if (!current || item.outcome === 'rejected' || item.amountFen <= 0) continue;
    current.ceilingFen += item.amountFen;
    if (item.basis !== 'fixed') current.allFixed = false;
    if (item.article && !current.articles.includes(item.article)) current.articles.push(item.article);
  }
  const out = new Map<string, AwardCeiling>();
  for (const [id, c] of ceilings) {
    const paid = c.ceilingFen > 0;
    out.set(id, { achievementId: id, ceilingFen: c.ceilingFen, basis: paid && c.allFixed ? 'fixed' : 'ceiling', article: paid ? c.articles.join('、') : null });
  }
  return out;
}

/**
 * The policy items each achievement was priced under, in the order of `achievementIds`: the items of its paid parts,
 * or, when nothing is payable, of any part the engine matched to an item. Empty when no part names an item. The
 * decision snapshots their names, so the published list says what the policy pays for rather than what the applicant
 * typed.
 */
export function policyItemsOfParts(parts: readonly PricedPart[], achievementIds: readonly string[]): Map<string, string[]> {
  const paid = new Map<string, string[]>(achievementIds.map((id) => [id, []]));
  const matched = new Map<string, string[]>(achievementIds.map((id) => [id, []]));
  for (const part of parts) {
    if (!part.itemId) continue;
    const target = part.outcome === 'awarded' && part.amountFen > 0 ? paid.get(part.achievementId) : matched.get(part.achievementId);
    if (target && !target.includes(part.itemId)) target.push(part.itemId);
  }
  return new Map(achievementIds.map((id) => [id, (paid.get(id) as string[]).length > 0 ? (paid.get(id) as string[]) : (matched.get(id) as string[])]));
}
