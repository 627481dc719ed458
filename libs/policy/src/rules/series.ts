import { yearOf } from '../dates';
import { live, reject } from '../engine/work-item';
import type { ScopeSpec } from '../match/scope';
import { keepBestPerGroup } from './highest-only';
import type { RuleModule } from './rule-module';

export const seriesRule: RuleModule = {
  kind: 'series',
  step: 'same_thing',
  label: { zh: '系列标准按一项计', en: 'series counted once' },
  properties: { sameYear: { type: 'boolean' } },
  compile(params, env) {
    const sameYear = params.sameYear !== false;
    const scope = env.scope(params.scope as ScopeSpec | undefined);
    return (ctx) => {
      keepBestPerGroup(
        live(ctx, scope, false),
        (w) => {
          const key = w.achievement.seriesKey;
          if (typeof key !== 'string' || key === '') return undefined;
          return sameYear ? `${w.date ? yearOf(w.date) : 'undated'}|${key}` : key;
        },
        (loser, winner) =>
          reject(loser, 'superseded', env.by, {
            zh: `系列标准 ${String(loser.achievement.seriesKey)} 按一项标准资助（${winner.achievement.id}）`,
            en: `series ${String(loser.achievement.seriesKey)} is funded as one standard (${winner.achievement.id})`,
          }),
      );
    };
  },
};
