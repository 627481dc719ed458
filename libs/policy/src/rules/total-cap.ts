import type { Reason } from '../contract';
import { byAmountThenId, reduceTo, type TraceSource, type WorkItem } from '../engine/work-item';
import { formatYuan } from '../money';

/**
 * Holds the items' total to `capFen`. The total paid is the most the cap allows; to decide which award gives way,
 * the largest awards are kept whole first (ties: lowest achievement id) and the next one gets what is left, so the
 * outcome never depends on the order of the request.
 */
export function capTotal(items: WorkItem[], capFen: number, reason: Reason, by: TraceSource, what: { zh: string; en: string }): void {
  const total = items.reduce((sum, w) => sum + w.amountFen, 0);
  if (total <= capFen) return;
  let left = capFen;
  for (const w of [...items].sort(byAmountThenId)) {
    if (w.amountFen <= left) {
      left -= w.amountFen;
      continue;
    }
    reduceTo(w, left, reason, by, {
      zh: `${what.zh}不超过${formatYuan(capFen)}元（合计${formatYuan(total)}元），按对申请单位最有利的方式：金额大的项目优先足额`,
      en: `${what.en} at most ${formatYuan(capFen)} yuan (claimed ${formatYuan(total)}); most favorable to the applicant: the largest awards are kept whole first`,
    });
    left = 0;
  }
}
