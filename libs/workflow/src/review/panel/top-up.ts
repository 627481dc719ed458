import { mergeGrounds, PanelDraw, PanelPoolExhaustedError, screenExperts, topUpPanel, TopUpInput } from '@subsidy/review';

export interface TopUpOutcome {
  draw: PanelDraw;
  /** Ids of the experts added in this round (empty when the pool had nobody left). */
  added: string[];
  /** How many fewer than asked could be drawn. */
  shortfall: number;
}

/**
 * Replaces members as far as the pool allows: a pool with fewer candidates than needed gives everyone it has instead
 * of failing, because a panel that carries on smaller (and says so) is better than a stalled application. With no
 * candidate at all, the leavers still leave the panel and the round stays as it was.
 */
export function topUpAsFarAsPossible(previous: PanelDraw, needed: number, input: TopUpInput): TopUpOutcome {
  if (needed > 0) {
    try {
      const draw = topUpPanel(previous, needed, input);
      return { draw, added: newIds(previous, draw), shortfall: 0 };
    } catch (error) {
      if (!(error instanceof PanelPoolExhaustedError)) throw error;
      if (error.counts.available > 0) {
        const draw = topUpPanel(previous, error.counts.available, input);
        return { draw, added: newIds(previous, draw), shortfall: needed - error.counts.available };
      }
    }
  }
  return { draw: withoutLeavers(previous, input), added: [], shortfall: Math.max(needed, 0) };
}

function newIds(previous: PanelDraw, next: PanelDraw): string[] {
  const before = new Set(previous.drawnIds);
  return next.drawnIds.filter((id) => !before.has(id));
}

function withoutLeavers(previous: PanelDraw, input: TopUpInput): PanelDraw {
  const union = (a: readonly string[], b: readonly string[] | undefined): string[] => [...new Set([...a, ...(b ?? [])])];
  const exclusion = {
    organizationIds: union(previous.exclusion.organizationIds, input.exclude?.organizationIds),
    usccs: union(previous.exclusion.usccs, input.exclude?.usccs),
    conflictDeclared: union(previous.exclusion.conflictDeclared, input.exclude?.conflictDeclared),
  };
  // Members the grown exclusion now rules out (a conflict, or a unit that applied since) leave as a top-up would drop them.
  const ruledOut = screenExperts(previous.panel, exclusion).excluded.map((x) => x.expert.id);
  const leaving = new Set([...(input.declinedIds ?? []), ...ruledOut]);
  return {
    ...previous,
    panel: previous.panel.filter((e) => !leaving.has(e.id)),
    declinedIds: union(previous.declinedIds, (input.declinedIds ?? []).filter((id) => previous.panel.some((e) => e.id === id))),
    exclusion,
    ...(previous.grounds || input.grounds ? { grounds: mergeGrounds(previous.grounds, input.grounds) } : {}),
  };
}
