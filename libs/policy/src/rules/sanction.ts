import type { SanctionKind } from '../contract';
import { addYears, yearOf } from '../dates';
import { live, reject } from '../engine/work-item';
import type { ScopeSpec } from '../match/scope';
import type { RuleModule } from './rule-module';

const SANCTION_KINDS = ['blacklist', 'penalty', 'investigation', 'fraud_ban'];

export const sanctionRule: RuleModule = {
  kind: 'sanction',
  step: 'exclusion',
  label: { zh: '信用与处罚', en: 'sanctions' },
  properties: {
    kinds: { type: 'array', items: { enum: SANCTION_KINDS }, minItems: 1 },
    lookbackYears: { type: 'integer', minimum: 1 },
    lookback: { const: 'previous_year' },
  },
  required: ['kinds'],
  compile(params, env) {
    const kinds = new Set(params.kinds as SanctionKind[]);
    const years = params.lookbackYears as number | undefined;
    const previousYear = params.lookback === 'previous_year';
    if (years !== undefined && previousYear) env.fail(['lookback'], 'use either `lookbackYears` or `lookback`, not both');
    const scope = env.scope(params.scope as ScopeSpec | undefined);
    const window = years !== undefined ? `近${years}年内` : previousYear ? '上一年度' : '';
    const windowEn = years !== undefined ? `within ${years} years` : previousYear ? 'in the previous year' : '';
    return (ctx) => {
      const a = ctx.applicationDate;
      const hit = (ctx.applicant.sanctions ?? [])
        .filter((s) => kinds.has(s.kind) && s.on <= a)
        .filter((s) => (years !== undefined ? s.on >= addYears(a, -years) : previousYear ? yearOf(s.on) === ctx.programYear - 1 : true))
        .sort((x, y) => (x.on < y.on ? 1 : x.on > y.on ? -1 : x.kind < y.kind ? -1 : 1))[0];
      if (!hit) return;
      for (const w of live(ctx, scope)) {
        reject(w, 'sanctioned', env.by, {
          zh: `申请单位${window}有${hit.kind}记录（${hit.on}）`,
          en: `applicant has a ${hit.kind} on ${hit.on}${windowEn ? ` (${windowEn})` : ''}`,
        });
      }
    };
  },
};
