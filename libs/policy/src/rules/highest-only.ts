import { yearOf } from '../dates';
import { byAmountThenId, live, reject, type WorkItem } from '../engine/work-item';
import type { ScopeSpec } from '../match/scope';
import type { RuleModule } from './rule-module';

/** Keeps the best item of each group (highest amount, then lowest id); the rest are `superseded`. */
export function keepBestPerGroup(
  items: WorkItem[],
  groupOf: (w: WorkItem) => string | undefined,
  onLoser: (loser: WorkItem, winner: WorkItem) => void,
): void {
  const groups = new Map<string, WorkItem[]>();
  for (const w of items) {
    const g = groupOf(w);
    if (g === undefined) continue;
    const list = groups.get(g);
    if (list) list.push(w);
    else groups.set(g, [w]);
  }
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    const [winner, ...losers] = [...list].sort(byAmountThenId);
    for (const loser of losers) onLoser(loser, winner);
  }
}

export const highestOnlyRule: RuleModule = {
  kind: 'highest_only',
  step: 'same_thing',
  label: { zh: '从高不重复', en: 'highest only' },
  properties: { groupBy: { enum: ['thing', 'scope'] } },
  compile(params, env) {
    const byScope = params.groupBy === 'scope';
    const scope = env.scope(params.scope as ScopeSpec | undefined);
    return (ctx) => {
      keepBestPerGroup(
        live(ctx, scope, false),
        (w) => {
          const year = w.date ? String(yearOf(w.date)) : 'undated';
          return byScope ? year : `${year}|${w.key.type}|${w.key.identifier}`;
        },
        (loser, winner) =>
          reject(loser, 'superseded', env.by, {
            zh: `同年度同一事项按最高标准奖励一次（${winner.achievement.id}）`,
            en: `only the highest award for the same thing in the same year is paid (${winner.achievement.id})`,
          }),
      );
    };
  },
};
