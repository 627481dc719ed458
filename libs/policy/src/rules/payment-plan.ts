import { live } from '../engine/work-item';
import type { ScopeSpec } from '../match/scope';
import type { PaymentSpec } from '../model';
import type { RuleModule } from './rule-module';
import { paymentPlanOf, paymentProperties, parsePayment } from './payment';

export const paymentPlanRule: RuleModule = {
  kind: 'payment_plan',
  step: 'payout',
  label: { zh: '拨付方式', en: 'payment plan' },
  properties: paymentProperties,
  required: ['plan'],
  compile(params, env) {
    const spec: PaymentSpec = parsePayment(params, env.by.article, env.percent, env.fail);
    const scope = env.scope(params.scope as ScopeSpec | undefined);
    return (ctx) => {
      for (const w of live(ctx, scope)) {
        if (!w.item?.payment) w.payment = paymentPlanOf(spec, w.amountFen);
      }
    };
  },
};
