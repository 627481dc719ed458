/** Installment conditions as a purpose names them; the first (or only) payment needs no word. */
const CONDITION_ZH: Readonly<Record<string, string>> = { acceptance: '验收后拨付' };

/**
 * The 用途/附言 of a payment line, read by the treasury and the payee's bank: the year's subsidy and the decided item by
 * its standard number or policy label (never an internal id), with the installment's condition in Chinese when it is
 * not the first payment (a condition the policy names that has no Chinese word yet reads 分期拨付, never the code).
 */
export function paymentPurpose(year: number, itemLabel: string, condition: string): string {
  const base = `${year}年度标准化资助 ${itemLabel}`;
  if (condition === 'start' || condition === 'lump_sum') return base;
  return `${base}（${CONDITION_ZH[condition] ?? '分期拨付'}）`;
}
