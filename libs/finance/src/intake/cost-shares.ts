import { largestRemainder, PaymentPlan, Share } from '@subsidy/policy';

export interface SplitShare {
  payer: string;
  amountFen: number;
  installments: Array<{ seq: number; condition: string; percent: number; amountFen: number }>;
}

/**
 * The policy names payers by level ("city", "county"); finance pays from accounts per payer, where the county is the
 * applicant's district.
 */
export function financePayer(policyPayer: string, districtCode: string): string | null {
  if (policyPayer === 'city' || policyPayer === 'matching') return policyPayer;
  if (policyPayer === 'county' || policyPayer === 'district') return `district:${districtCode}`;
  return null;
}

/**
 * A district's recorded city:district revenue-sharing ratio as engine-style share weights (payers `city` and `county`,
 * which financePayer maps to `city` and the applicant's district), for items the policy shares by that ratio.
 */
export function revenueSharingWeights(ratio: { cityParts: number; districtParts: number }): Share[] {
  return [
    { payer: 'city', amountFen: ratio.cityParts },
    { payer: 'county', amountFen: ratio.districtParts },
  ];
}

/**
 * Splits the DECIDED amount of one item between payers in the ratio of the engine's shares for that item (the
 * engine's own split of its computed amount), by largest remainder so the shares add up to the decided amount
 * exactly. Without shares the whole amount falls to `defaultPayer`. Each share is then scheduled in the payment
 * plan's installments (percentages, again by largest remainder); an installment that rounds to 0 fen is dropped.
 */
export function splitDecidedAmount(
  decidedFen: number,
  engineShares: readonly Share[] | undefined,
  payment: PaymentPlan | undefined,
  toPayer: (policyPayer: string) => string,
  defaultPayer: string,
): SplitShare[] {
  const weighted = (engineShares ?? []).filter((s) => s.amountFen > 0);
  const parts = weighted.length > 0 ? weighted.map((s) => ({ payer: toPayer(s.payer), weight: s.amountFen })) : [{ payer: defaultPayer, weight: 1 }];
  const amounts = largestRemainder(decidedFen, parts.map((p) => p.weight));
  const byPayer = new Map<string, number>();
  parts.forEach((part, index) => byPayer.set(part.payer, (byPayer.get(part.payer) ?? 0) + amounts[index]));
  const plan =
    payment?.plan === 'installments' && payment.installments.length > 0
      ? payment.installments.map((i) => ({ condition: i.when, percent: i.percent }))
      : [{ condition: 'start', percent: 100 }];
  return [...byPayer.entries()]
    .filter(([, amountFen]) => amountFen > 0)
    .map(([payer, amountFen]) => {
      const pieces = largestRemainder(amountFen, plan.map((p) => p.percent));
      const installments = plan
        .map((p, index) => ({ seq: index + 1, condition: p.condition, percent: p.percent, amountFen: pieces[index] }))
        .filter((i) => i.amountFen > 0);
      return { payer, amountFen, installments };
    });
}
