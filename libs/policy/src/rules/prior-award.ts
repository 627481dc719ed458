import { live, reduceTo, reject } from '../engine/work-item';
import { DEFAULT_LEVEL_ORDER, levelRank, parseAchievementKey, sameThing } from '../match/achievement-facts';
import type { ScopeSpec } from '../match/scope';
import { formatYuan } from '../money';
import type { RuleModule } from './rule-module';
import { stringList } from './schema-parts';

export const priorAwardRule: RuleModule = {
  kind: 'prior_award',
  step: 'double_funding',
  label: { zh: '以往奖励', en: 'prior awards' },
  properties: { mode: { enum: ['reject_any', 'full', 'difference', 'times'] }, levels: stringList, max: { type: 'integer', minimum: 1 } },
  required: ['mode'],
  compile(params, env) {
    const mode = params.mode as 'reject_any' | 'full' | 'difference' | 'times';
    const times = params.max as number | undefined;
    if (mode === 'times' && times === undefined) env.fail(['mode'], 'mode times needs `max`');
    if (mode !== 'times' && times !== undefined) env.fail(['max'], '`max` belongs to mode times');
    const order = (params.levels as string[] | undefined) ?? DEFAULT_LEVEL_ORDER;
    const scope = env.scope(params.scope as ScopeSpec | undefined);
    return (ctx) => {
      const priors = (ctx.applicant.priorAwards ?? []).flatMap((p) => {
        const key = parseAchievementKey(p.achievementKey);
        return key ? [{ ...p, key }] : [];
      });
      if (priors.length === 0) return;
      for (const w of live(ctx, scope)) {
        const same = priors.filter((p) => sameThing(p.key, w.key));
        if (same.length === 0) continue;
        const keys = same.map((p) => p.achievementKey).sort().join('; ');
        if (mode === 'times') {
          if (same.length >= (times ?? 1)) {
            reject(w, 'already_funded', env.by, {
              zh: `同一事项已获${same.length}次资助，最多${times}次（${keys}）`,
              en: `the same thing was already paid ${same.length} times; at most ${times} (${keys})`,
            });
          }
          continue;
        }
        if (mode === 'reject_any') {
          reject(w, 'already_funded', env.by, {
            zh: `该项目已获资助或奖励（${keys}），不再重复资助`,
            en: `this project already received funding or an award (${keys}); not funded again`,
          });
          continue;
        }
        const mine = levelRank(w.key.level, order);
        const higher = same.filter((p) => levelRank(p.key.level, order) > mine);
        const equal = same.filter((p) => levelRank(p.key.level, order) === mine);
        const lower = same.filter((p) => levelRank(p.key.level, order) < mine);
        if (higher.length > 0) {
          reject(w, 'lower_after_higher', env.by, {
            zh: `已获更高级别奖励（${higher.map((p) => p.achievementKey).join('; ')}），低级别不再奖励`,
            en: `a higher level was already awarded (${higher.map((p) => p.achievementKey).join('; ')}); the lower level is not paid`,
          });
        } else if (equal.length > 0) {
          reject(w, 'already_funded', env.by, {
            zh: `同一级别已获奖励（${equal.map((p) => p.achievementKey).join('; ')}）`,
            en: `the same level was already awarded (${equal.map((p) => p.achievementKey).join('; ')})`,
          });
        } else if (mode === 'difference') {
          const paid = lower.reduce((sum, p) => sum + p.amountFen, 0);
          reduceTo(w, w.amountFen - paid, 'already_funded', env.by, {
            zh: `升级奖励，扣除已获 ${formatYuan(paid)}元，补足差额`,
            en: `upgrade: ${formatYuan(paid)} yuan already received is deducted; the difference is paid`,
          });
        } else {
          w.trace.push({
            rule: env.by.rule,
            article: env.by.article,
            source: env.by.source,
            amountFen: w.amountFen,
            text: { zh: '此前获较低级别奖励，本次按本级标准全额奖励', en: 'a lower level was awarded before; this level is paid in full' },
          });
        }
      }
    };
  },
};
