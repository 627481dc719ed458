import { live, reject, type WorkItem } from '../engine/work-item';
import type { ScopeSpec } from '../match/scope';
import type { RuleModule } from './rule-module';

/** All k-element subsets of `values` (values are few: the categories one applicant claims in one year). */
function subsets<T>(values: T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (values.length < k) return [];
  const [first, ...rest] = values;
  return [...subsets(rest, k - 1).map((s) => [first, ...s]), ...subsets(rest, k)];
}

export const categoryLimitRule: RuleModule = {
  kind: 'category_limit',
  step: 'counting',
  label: { zh: '类别数量限制', en: 'category limit' },
  properties: { max: { type: 'integer', minimum: 1 } },
  required: ['max'],
  compile(params, env) {
    const max = params.max as number;
    const scope = env.scope(params.scope as ScopeSpec | undefined);
    return (ctx) => {
      const byCategory = new Map<string, WorkItem[]>();
      for (const w of live(ctx, scope, false)) {
        const c = w.item?.category ?? '';
        byCategory.set(c, [...(byCategory.get(c) ?? []), w]);
      }
      if (byCategory.size <= max) return;
      const categories = [...byCategory.keys()].sort();
      const totalOf = (set: string[]): number =>
        set.reduce((sum, c) => sum + (byCategory.get(c) ?? []).reduce((s, w) => s + w.amountFen, 0), 0);
      // Subsets come in lexicographic order, so the first best one is the tie-break the format promises.
      let best: string[] = [];
      let bestTotal = -1;
      for (const set of subsets(categories, max)) {
        const total = totalOf(set);
        if (total > bestTotal) {
          best = set;
          bestTotal = total;
        }
      }
      const kept = best.join(', ');
      for (const c of categories) {
        if (best.includes(c)) continue;
        for (const w of byCategory.get(c) ?? []) {
          reject(w, 'category_limit', env.by, {
            zh: `每年最多申报${max}类，保留总额最高的类别（${kept}）`,
            en: `at most ${max} categories per year; the categories with the highest total are kept (${kept})`,
          });
        }
      }
    };
  },
};
