import { live, record, reduceTo, reject } from '../engine/work-item';
import type { ScopeSpec } from '../match/scope';
import { formatPercent, formatYuan, percentOf } from '../money';
import type { RuleModule } from './rule-module';
import { percentSchema } from './schema-parts';

export const capCostsRule: RuleModule = {
  kind: 'cap_costs',
  step: 'item_amount',
  label: { zh: '不超过实际费用', en: 'capped at costs incurred' },
  properties: { percent: percentSchema, required: { type: 'boolean' } },
  compile(params, env) {
    const basisPoints = params.percent === undefined ? 10_000 : env.percent(params.percent, ['percent']);
    const required = params.required === true;
    const scope = env.scope(params.scope as ScopeSpec | undefined);
    const pct = formatPercent(basisPoints);
    return (ctx) => {
      for (const w of live(ctx, scope)) {
        const costs = w.achievement.costsIncurredFen;
        if (typeof costs !== 'number') {
          if (required) {
            reject(w, 'missing_input', env.by, { zh: '未提供实际发生费用', en: 'costsIncurredFen is missing' });
          } else {
            record(w, env.by, {
              zh: '未提供实际发生费用，评审时须核对不超过实际费用',
              en: 'costs incurred not given; the review must check the award does not exceed them',
            });
          }
          continue;
        }
        const cap = percentOf(costs, basisPoints);
        reduceTo(w, cap, 'cap_costs', env.by, {
          zh: `不超过实际发生费用${formatYuan(costs)}元的${pct}%`,
          en: `at most ${pct}% of the ${formatYuan(costs)} yuan costs incurred`,
        });
      }
    };
  },
};
