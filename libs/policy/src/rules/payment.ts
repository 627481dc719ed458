import type { PaymentPlan } from '../contract';
import type { PaymentSpec } from '../model';
import { formatPercent, largestRemainder } from '../money';
import { percentSchema } from './schema-parts';

export const paymentProperties = {
  plan: { enum: ['lump_sum', 'installments'] },
  installments: {
    type: 'array',
    minItems: 2,
    items: {
      type: 'object',
      properties: { when: { type: 'string', minLength: 1 }, percent: percentSchema },
      required: ['when', 'percent'],
      additionalProperties: false,
    },
  },
};

/** Reads a payment plan (rule `payment_plan` or an item's `payment`); installments must add up to 100%. */
export function parsePayment(
  raw: Record<string, unknown>,
  article: string,
  percent: (value: unknown, key: (string | number)[]) => number,
  fail: (key: (string | number)[], message: string) => never,
): PaymentSpec {
  if (raw.plan === 'lump_sum') {
    if (raw.installments !== undefined) fail(['installments'], 'a lump_sum plan has no installments');
    return { plan: 'lump_sum', installments: [{ when: 'lump_sum', basisPoints: 10_000 }], article };
  }
  const list = raw.installments as { when: string; percent: unknown }[] | undefined;
  if (!list) return fail(['installments'], 'an installments plan needs `installments`');
  const installments = list.map((i, index) => ({ when: i.when, basisPoints: percent(i.percent, ['installments', index, 'percent']) }));
  const sum = installments.reduce((s, i) => s + i.basisPoints, 0);
  if (sum !== 10_000) fail(['installments'], `installments add up to ${formatPercent(sum)}%, not 100%`);
  return { plan: 'installments', installments, article };
}

/** The plan for one amount; the installments add up to the amount exactly (largest remainder). */
export function paymentPlanOf(spec: PaymentSpec, amountFen: number): PaymentPlan {
  const amounts = largestRemainder(amountFen, spec.installments.map((i) => i.basisPoints));
  return {
    plan: spec.plan,
    article: spec.article,
    installments: spec.installments.map((i, index) => ({
      when: i.when,
      percent: i.basisPoints / 100,
      amountFen: amounts[index],
    })),
  };
}
