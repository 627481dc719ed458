import { byAmountThenId, live, reject, type WorkItem } from '../engine/work-item';
import type { ScopeSpec } from '../match/scope';
import type { RuleModule } from './rule-module';

export const countLimitRule: RuleModule = {
  kind: 'count_limit',
  step: 'counting',
  label: { zh: '数量限制', en: 'count limit' },
  properties: { max: { type: 'integer', minimum: 1 }, per: { enum: ['category', 'item', 'scope', 'thing'] } },
  required: ['max'],
  compile(params, env) {
    const max = params.max as number;
    const per = (params.per as 'category' | 'item' | 'scope' | 'thing' | undefined) ?? 'category';
    const scope = env.scope(params.scope as ScopeSpec | undefined);
    const groupOf = (w: WorkItem): string =>
      w.item === null
        ? ''
        : per === 'category'
          ? w.item.category
          : per === 'item'
            ? w.item.id
            : per === 'thing'
              ? `${w.key.type}:${w.key.identifier}`
              : '*';
    return (ctx) => {
      const groups = new Map<string, WorkItem[]>();
      for (const w of live(ctx, scope, false)) {
        const g = groupOf(w);
        groups.set(g, [...(groups.get(g) ?? []), w]);
      }
      for (const [group, list] of groups) {
        if (list.length <= max) continue;
        // Most favorable to the applicant: keep the highest awards.
        const kept = [...list].sort(byAmountThenId);
        for (const w of kept.slice(max)) {
          reject(w, 'count_limit', env.by, {
            zh: `${group === '*' ? '' : `“${group}”类`}每年最多${max}项，保留金额最高的${max}项（对申请单位最有利）`,
            en: `at most ${max} per year${group === '*' ? '' : ` in "${group}"`}; the ${max} highest awards are kept (most favorable to the applicant)`,
          });
        }
      }
    };
  },
};
