import { PolicyEngineError } from '../errors';
import { live } from '../engine/work-item';
import type { ScopeSpec } from '../match/scope';
import { formatPercent, percentOf } from '../money';
import type { RuleModule } from './rule-module';
import { percentSchema } from './schema-parts';
import { capTotal } from './total-cap';

export const capFundShareRule: RuleModule = {
  kind: 'cap_fund_share',
  step: 'totals',
  label: { zh: '不超过年度资金比例', en: 'share of the annual fund' },
  properties: { percent: percentSchema },
  required: ['percent'],
  compile(params, env) {
    const basisPoints = env.percent(params.percent, ['percent']);
    const scope = env.scope(params.scope as ScopeSpec | undefined);
    const pct = formatPercent(basisPoints);
    return (ctx) => {
      if (ctx.fundTotalFen === undefined) {
        throw new PolicyEngineError(
          'missing_input',
          `$.fundTotalFen: required by this policy (${env.by.article}: at most ${pct}% of the annual fund per applicant)`,
          '$.fundTotalFen',
        );
      }
      capTotal(live(ctx, scope), percentOf(ctx.fundTotalFen, basisPoints), 'cap_fund_share', env.by, {
        zh: `同一单位每年（年度资金总额的${pct}%）`,
        en: `one applicant per year (${pct}% of the annual fund)`,
      });
    };
  },
};
