import { live, reduceTo } from '../engine/work-item';
import type { ScopeSpec } from '../match/scope';
import { formatPercent, percentOf } from '../money';
import type { RuleModule } from './rule-module';
import { percentSchema } from './schema-parts';

export const scaleRule: RuleModule = {
  kind: 'scale',
  step: 'item_amount',
  label: { zh: '按比例', en: 'scaled' },
  properties: { percent: percentSchema, when: {} },
  required: ['percent', 'when'],
  compile(params, env) {
    const basisPoints = env.percent(params.percent, ['percent']);
    if (basisPoints > 10_000) env.fail(['percent'], 'scale percent must be at most 100');
    const when = env.matcher(params.when, ['when']);
    const scope = env.scope(params.scope as ScopeSpec | undefined);
    const pct = formatPercent(basisPoints);
    return (ctx) => {
      for (const w of live(ctx, scope)) {
        if (!when(w.achievement)) continue;
        reduceTo(w, percentOf(w.amountFen, basisPoints), null, env.by, {
          zh: `按${pct}%计`,
          en: `${pct}% of the amount`,
        });
      }
    };
  },
};
