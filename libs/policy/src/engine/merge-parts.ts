import type { Installment, Reason, ResultItem, Share, TraceEntry } from '../contract';
import type { WorkItem } from './work-item';

function mergeShares(parts: WorkItem[]): Share[] | undefined {
  const paid = parts.filter((p) => p.amountFen > 0 && p.shares);
  if (paid.length === 0) return undefined;
  const byPayer = new Map<string, number>();
  for (const p of paid) for (const s of p.shares ?? []) byPayer.set(s.payer, (byPayer.get(s.payer) ?? 0) + s.amountFen);
  return [...byPayer].map(([payer, amountFen]) => ({ payer, amountFen }));
}

/** The common case: an achievement without add-ons. */
function single(w: WorkItem): ResultItem {
  const paid = w.amountFen > 0;
  const result: ResultItem = {
    achievementId: w.achievement.id,
    itemId: w.item?.id ?? null,
    outcome: paid ? 'awarded' : 'rejected',
    amountFen: w.amountFen,
    basis: w.basis,
    article: w.article,
    reasons: w.reasons,
    trace: w.trace,
  };
  if (paid && w.shares) result.shares = w.shares;
  if (paid && w.revenueSharing) result.revenueSharing = w.revenueSharing;
  if (paid && w.payment) result.payment = w.payment;
  return result;
}

/**
 * One result line per achievement: the main part with its add-ons. Add-on trace entries show the line's running
 * total (main part's final amount plus the add-ons so far), so the last entry equals the line's amount.
 */
export function mergeParts(parts: WorkItem[]): ResultItem {
  if (parts.length === 1) return single(parts[0]);
  const [main, ...addOns] = parts;
  const amountFen = parts.reduce((sum, p) => sum + p.amountFen, 0);
  const reasons: Reason[] = [];
  for (const p of parts) for (const r of p.reasons) if (!reasons.includes(r)) reasons.push(r);
  const trace: TraceEntry[] = [...main.trace];
  let before = main.amountFen;
  for (const part of addOns) {
    for (const entry of part.trace) trace.push({ ...entry, amountFen: before + entry.amountFen });
    before += part.amountFen;
  }
  const result: ResultItem = {
    achievementId: main.achievement.id,
    itemId: main.item?.id ?? null,
    outcome: amountFen > 0 ? 'awarded' : 'rejected',
    amountFen,
    basis: main.basis,
    article: main.article,
    reasons,
    trace,
  };
  const shares = mergeShares(parts);
  if (amountFen > 0 && shares) result.shares = shares;
  // One line, one payer arrangement: the first paid part split by the revenue-sharing ratio marks the whole line.
  const revenueSharing = parts.find((p) => p.amountFen > 0 && p.revenueSharing)?.revenueSharing;
  if (amountFen > 0 && revenueSharing && !shares) result.revenueSharing = revenueSharing;
  const plan = parts.find((p) => p.amountFen > 0 && p.payment)?.payment;
  if (amountFen > 0 && plan) {
    const installments = new Map<string, Installment>();
    for (const p of parts) {
      if (p.amountFen === 0) continue;
      for (const i of p.payment?.installments ?? []) {
        const seen = installments.get(i.when);
        installments.set(i.when, seen ? { ...seen, amountFen: seen.amountFen + i.amountFen } : { ...i });
      }
    }
    result.payment = { ...plan, installments: [...installments.values()] };
  }
  return result;
}
