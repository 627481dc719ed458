import { live } from '../engine/work-item';
import { parseAchievementKey, thingFamily } from '../match/achievement-facts';
import type { ScopeSpec } from '../match/scope';
import { formatYuan } from '../money';
import type { RuleModule } from './rule-module';
import { yuanSchema } from './schema-parts';
import { capTotal } from './total-cap';

export const capGroupRule: RuleModule = {
  kind: 'cap_group',
  step: 'group_totals',
  label: { zh: '分类合计上限', en: 'group cap' },
  properties: { max: yuanSchema, years: { anyOf: [{ type: 'integer', minimum: 1 }, { const: 'all' }] } },
  required: ['max', 'scope'],
  compile(params, env) {
    const max = env.yuan(params.max, ['max']);
    const years = params.years as number | 'all' | undefined;
    const scope = env.scope(params.scope as ScopeSpec | undefined);
    return (ctx) => {
      const items = live(ctx, scope);
      let cap = max;
      if (years !== undefined && items.length > 0) {
        // Earlier years' awards of the same family (same type and code / identifier) use up the cap.
        const families = new Set(items.map((w) => thingFamily(w.key)));
        const first = years === 'all' ? -Infinity : ctx.programYear - years + 1;
        const used = (ctx.applicant.priorAwards ?? [])
          .filter((p) => p.year >= first && p.year <= ctx.programYear)
          .filter((p) => {
            const key = parseAchievementKey(p.achievementKey);
            return key !== undefined && families.has(thingFamily(key));
          })
          .reduce((sum, p) => sum + p.amountFen, 0);
        cap = Math.max(0, max - used);
        if (used > 0) {
          const span = years === 'all' ? '历年' : `近${years}年`;
          const spanEn = years === 'all' ? 'earlier years' : `the last ${years} years`;
          return capTotal(items, cap, 'cap_group', env.by, {
            zh: `该类${span}累计（已获${formatYuan(used)}元）最高${formatYuan(max)}元，本次`,
            en: `these items over ${spanEn} (already paid ${formatYuan(used)} yuan) at most ${formatYuan(max)} yuan; this year`,
          });
        }
      }
      capTotal(items, cap, 'cap_group', env.by, { zh: '该类合计每年', en: 'these items together per year' });
    };
  },
};
