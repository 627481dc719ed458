import { live, reject } from '../engine/work-item';
import type { ScopeSpec } from '../match/scope';
import type { RuleModule } from './rule-module';
import { rangeSchema } from './schema-parts';

interface Range {
  min?: number;
  max?: number;
}

function describe(range: Range): string {
  if (range.min !== undefined && range.max !== undefined) return `${range.min}-${range.max}`;
  if (range.max === 1) return '1';
  if (range.max !== undefined) return `1-${range.max}`;
  return `>= ${range.min}`;
}

export const draftingRankRule: RuleModule = {
  kind: 'drafting_rank',
  step: 'eligibility',
  label: { zh: '起草单位排序', en: 'drafting rank' },
  properties: { lead: rangeSchema, participate: rangeSchema, any: rangeSchema },
  compile(params, env) {
    const limits: { role: string | null; range: Range }[] = [];
    if (params.lead) limits.push({ role: 'lead', range: params.lead as Range });
    if (params.participate) limits.push({ role: 'participate', range: params.participate as Range });
    if (params.any) limits.push({ role: null, range: params.any as Range });
    if (limits.length === 0) env.fail(['kind'], 'drafting_rank needs `lead`, `participate` or `any`');
    const scope = env.scope(params.scope as ScopeSpec | undefined);
    return (ctx) => {
      for (const w of live(ctx, scope)) {
        const role = w.achievement.role;
        const given = w.achievement.draftingRank;
        // The schema defines lead as the sole or first drafter, so a lead without a rank is rank 1.
        const rank = typeof given === 'number' ? given : role === 'lead' ? 1 : undefined;
        for (const { role: limited, range } of limits) {
          if (limited !== null && limited !== role) continue;
          const ok =
            rank !== undefined && (range.min === undefined || rank >= range.min) && (range.max === undefined || rank <= range.max);
          if (!ok) {
            const who = limited ?? 'any role';
            reject(w, 'rank_too_low', env.by, {
              zh: `起草单位排序 ${rank ?? '未知'}，${limited === 'lead' ? '主持' : limited === 'participate' ? '参与' : ''}须为第 ${describe(range)} 位`,
              en: `drafting rank ${rank ?? 'unknown'}; ${who} must be rank ${describe(range)}`,
            });
            break;
          }
        }
      }
    };
  },
};
