import { addYears, yearOf } from '../dates';
import { live, reject } from '../engine/work-item';
import type { ScopeSpec } from '../match/scope';
import type { Sanction } from '../contract';
import type { RuleModule } from './rule-module';

/**
 * `rolling` (default): banned for N years from the date the fraud was found, until the day before the N-th anniversary.
 * `following_years`: banned in the year of the finding (from that day) and the N program years after it
 * (此后连续 N 个年度).
 */
function bannedBy(window: 'rolling' | 'following_years', years: number, applicationDate: string, programYear: number) {
  return (s: Sanction): boolean => {
    if (s.kind !== 'fraud_ban' || s.on > applicationDate) return false;
    if (window === 'rolling') return applicationDate < addYears(s.on, years);
    const found = yearOf(s.on);
    return (found < programYear && programYear <= found + years) || found === programYear;
  };
}

export const fraudBanRule: RuleModule = {
  kind: 'fraud_ban',
  step: 'exclusion',
  label: { zh: '骗取资金禁入', en: 'ban after fraud' },
  properties: { years: { type: 'integer', minimum: 1 }, window: { enum: ['rolling', 'following_years'] } },
  required: ['years'],
  compile(params, env) {
    const years = params.years as number;
    const window = (params.window as 'rolling' | 'following_years' | undefined) ?? 'rolling';
    const scope = env.scope(params.scope as ScopeSpec | undefined);
    return (ctx) => {
      const ban = (ctx.applicant.sanctions ?? [])
        .filter(bannedBy(window, years, ctx.applicationDate, ctx.programYear))
        .sort((x, y) => (x.on < y.on ? 1 : -1))[0];
      if (!ban) return;
      for (const w of live(ctx, scope)) {
        reject(w, 'sanctioned', env.by, {
          zh: window === 'rolling' ? `申请单位自${ban.on}起${years}年内不得申请` : `申请单位自${ban.on}起此后连续${years}个年度不得申请`,
          en:
            window === 'rolling'
              ? `applicant is banned for ${years} years from ${ban.on}`
              : `applicant is banned from ${ban.on} for the ${years} following years`,
        });
      }
    };
  },
};
