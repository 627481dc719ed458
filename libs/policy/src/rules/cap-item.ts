import { live, reduceTo } from '../engine/work-item';
import type { ScopeSpec } from '../match/scope';
import { formatYuan } from '../money';
import type { RuleModule } from './rule-module';
import { yuanSchema } from './schema-parts';

export const capItemRule: RuleModule = {
  kind: 'cap_item',
  step: 'item_amount',
  label: { zh: '单项上限', en: 'item cap' },
  properties: { max: yuanSchema },
  required: ['max'],
  compile(params, env) {
    const max = env.yuan(params.max, ['max']);
    const scope = env.scope(params.scope as ScopeSpec | undefined);
    return (ctx) => {
      for (const w of live(ctx, scope)) {
        reduceTo(w, max, 'cap_item', env.by, {
          zh: `单项不超过${formatYuan(max)}元`,
          en: `each item at most ${formatYuan(max)} yuan`,
        });
      }
    };
  },
};
