import { live, reduceTo, reject } from '../engine/work-item';
import type { ScopeSpec } from '../match/scope';
import { formatYuan } from '../money';
import type { RuleModule } from './rule-module';
import { stringList } from './schema-parts';

export const otherFundingRule: RuleModule = {
  kind: 'other_funding',
  step: 'double_funding',
  label: { zh: '不重复资助', en: 'no double funding' },
  properties: { mode: { enum: ['reject', 'top_up'] }, sources: stringList },
  required: ['mode'],
  compile(params, env) {
    const topUp = params.mode === 'top_up';
    const sources = params.sources ? new Set(params.sources as string[]) : undefined;
    const scope = env.scope(params.scope as ScopeSpec | undefined);
    return (ctx) => {
      const funding = (ctx.applicant.otherFunding ?? []).filter((f) => !sources || sources.has(f.source));
      if (funding.length === 0) return;
      for (const w of live(ctx, scope)) {
        const mine = funding.filter((f) => f.achievementId === w.achievement.id);
        if (mine.length === 0) continue;
        const funded = mine.reduce((sum, f) => sum + f.amountFen, 0);
        const from = [...new Set(mine.map((f) => f.source))].sort().join(', ');
        if (!topUp) {
          reject(w, 'already_funded', env.by, {
            zh: `已获其他资金支持（${from}，${formatYuan(funded)}元），不再重复资助`,
            en: `already funded by ${from} (${formatYuan(funded)} yuan); not funded again`,
          });
          continue;
        }
        reduceTo(w, w.amountFen - funded, 'already_funded', env.by, {
          zh: `已获其他资金 ${formatYuan(funded)}元（${from}），补齐差额`,
          en: `other funding of ${formatYuan(funded)} yuan (${from}) deducted; the difference is paid`,
        });
      }
    };
  },
};
