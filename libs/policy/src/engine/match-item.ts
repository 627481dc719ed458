import type { Achievement } from '../contract';
import { achievementDate, achievementKey } from '../match/achievement-facts';
import type { CompiledItem, CompiledPolicy } from '../model';
import { formatYuan, percentOf } from '../money';
import type { WorkItem } from './work-item';

/** The item's amount for this achievement; `undefined` when a rate item's input field is missing. */
function amountFor(item: CompiledItem, achievement: Achievement): number | undefined {
  const amount = item.amount;
  if (amount.form !== 'rate') return amount.amountFen;
  const base = achievement[amount.of];
  if (typeof base !== 'number' || !Number.isSafeInteger(base) || base < 0) return undefined;
  const value = percentOf(base, amount.basisPoints);
  return amount.ceilingFen === undefined ? value : Math.min(value, amount.ceilingFen);
}

interface Priced {
  item: CompiledItem;
  fen: number;
}

/** Higher amount first; equal amounts in file order. */
function better(a: Priced, b: Priced | undefined): boolean {
  return b === undefined || a.fen > b.fen || (a.fen === b.fen && a.item.order < b.item.order);
}

function newWork(owner: string, achievement: Achievement, item: CompiledItem | null, amountFen: number): WorkItem {
  return {
    owner,
    achievement,
    item,
    date: achievementDate(achievement),
    key: achievementKey(achievement),
    amountFen,
    basis: item?.basis ?? null,
    article: item?.article ?? null,
    rejected: amountFen === 0,
    reasons: [],
    trace: [],
  };
}

/**
 * Step 1 (FORMAT.md section 7): find the award item for an achievement and its starting amount. Returns the main
 * part first, then one part per add-on item (`stack: true`), which the result merges back into one line.
 */
export function matchAchievement(policy: CompiledPolicy, owner: string, achievement: Achievement): WorkItem[] {
  let main: Priced | undefined;
  let others: string[] | undefined;
  let addOns: Priced[] | undefined;
  let missing: CompiledItem | undefined;
  for (const item of policy.candidates(achievement)) {
    if (!item.matches(achievement)) continue;
    const fen = amountFor(item, achievement);
    if (fen === undefined) {
      missing ??= item;
      continue;
    }
    const priced = { item, fen };
    if (item.stack) {
      (addOns ??= []).push(priced);
    } else if (better(priced, main)) {
      if (main) (others ??= []).push(main.item.id);
      main = priced;
    } else {
      (others ??= []).push(item.id);
    }
  }
  if (!main && addOns) {
    addOns.sort((a, b) => b.fen - a.fen || a.item.order - b.item.order);
    main = addOns.shift();
  }
  if (!main) {
    const work = newWork(owner, achievement, missing ?? null, 0);
    if (missing) {
      const field = missing.amount.form === 'rate' ? missing.amount.of : '';
      work.reasons.push('missing_input');
      work.trace.push({
        rule: missing.name.en,
        article: missing.article,
        source: missing.source,
        amountFen: 0,
        text: { zh: `${missing.name.zh}：缺少计算依据 ${field}`, en: `${missing.name.en}: ${field} is missing` },
      });
    } else {
      work.reasons.push('not_covered');
      work.trace.push({
        rule: 'match',
        article: '',
        amountFen: 0,
        text: { zh: '本政策对该成果无资助项目', en: 'the policy has no award for this achievement' },
      });
    }
    return [work];
  }
  const item = main.item;
  const work = newWork(owner, achievement, item, main.fen);
  const also = others ? others.sort().join(', ') : '';
  work.trace.push({
    rule: item.name.en,
    article: item.article,
    source: item.source,
    amountFen: work.amountFen,
    text: also
      ? { zh: `${item.matchText.zh}（同时符合 ${also}，取最高）`, en: `${item.matchText.en} (also matches ${also}; the highest is used)` }
      : item.matchText,
  });
  const parts = [work];
  for (const addOn of addOns ?? []) {
    const part = newWork(owner, achievement, addOn.item, addOn.fen);
    part.main = work;
    part.trace.push({
      rule: addOn.item.name.en,
      article: addOn.item.article,
      source: addOn.item.source,
      amountFen: addOn.fen,
      text: { zh: `追加 ${addOn.item.name.zh}：${formatYuan(addOn.fen)}元`, en: `plus ${addOn.item.name.en}: ${formatYuan(addOn.fen)} yuan` },
    });
    parts.push(part);
  }
  return parts;
}
