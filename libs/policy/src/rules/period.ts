import { addMonths, addYears, yearOf } from '../dates';
import { live, reject } from '../engine/work-item';
import { achievementDate } from '../match/achievement-facts';
import type { ScopeSpec } from '../match/scope';
import type { BilingualText } from '../contract';
import type { RuleModule } from './rule-module';
import { dateSchema } from './schema-parts';

const WINDOWS = ['previous_year', 'application_year', 'recent_years', 'within_years', 'within_months', 'held_for', 'since'];

/** A window test: true when the date (and the achievement) fits. */
type WindowTest = (date: string, applicationDate: string, programYear: number, revokedOn: unknown) => boolean;

function windowOf(params: Record<string, unknown>, effectiveFrom: string, fail: (k: string[], m: string) => never): {
  test: WindowTest;
  text: BilingualText;
} {
  const need = (key: string): number => {
    const value = params[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) fail([key], `window ${String(params.window)} needs \`${key}\` (a positive integer)`);
    return value;
  };
  switch (params.window) {
    case 'previous_year':
      return { test: (d, _a, y) => yearOf(d) === y - 1, text: { zh: '上一年度', en: 'the previous year' } };
    case 'application_year':
      return { test: (d, a, y) => yearOf(d) === y && d <= a, text: { zh: '本年度', en: 'the application year' } };
    case 'recent_years': {
      const n = need('years');
      return {
        test: (d, a, y) => yearOf(d) >= y - n && yearOf(d) <= y && d <= a,
        text: { zh: `近${n}年（${n}个自然年内）`, en: `the last ${n} calendar years` },
      };
    }
    case 'within_years': {
      const n = need('years');
      return {
        test: (d, a) => d >= addYears(a, -n) && d <= a,
        text: { zh: `申报前${n}年内`, en: `within ${n} years before the application` },
      };
    }
    case 'within_months': {
      const n = need('months');
      return {
        test: (d, a) => d >= addMonths(a, -n) && d <= a,
        text: { zh: `申报前${n}个月内`, en: `within ${n} months before the application` },
      };
    }
    case 'held_for': {
      const n = need('months');
      return {
        test: (d, a, _y, revokedOn) =>
          addMonths(d, n) <= a && !(typeof revokedOn === 'string' && revokedOn <= a),
        text: { zh: `连续保持${n}个月以上`, en: `held for at least ${n} months` },
      };
    }
    case 'since': {
      const from = params.from === 'effectiveFrom' ? effectiveFrom : params.from;
      if (typeof from !== 'string') fail(['from'], 'window since needs `from` (a date or effectiveFrom)');
      return { test: (d, a) => d >= from && d <= a, text: { zh: `${from}以后取得`, en: `obtained on or after ${from}` } };
    }
    default:
      return fail(['window'], `unknown window; use one of ${WINDOWS.join(', ')}`);
  }
}

export const periodRule: RuleModule = {
  kind: 'period',
  step: 'eligibility',
  label: { zh: '时限', en: 'period' },
  properties: {
    window: { enum: WINDOWS },
    years: { type: 'integer', minimum: 1 },
    months: { type: 'integer', minimum: 1 },
    from: { anyOf: [dateSchema, { const: 'effectiveFrom' }] },
    dateField: { type: 'string', minLength: 1 },
  },
  required: ['window'],
  compile(params, env) {
    const { test, text } = windowOf(params, env.effectiveFrom, env.fail);
    const dateField = params.dateField as string | undefined;
    const scope = env.scope(params.scope as ScopeSpec | undefined);
    return (ctx) => {
      for (const w of live(ctx, scope)) {
        const date = dateField ? achievementDate(w.achievement, dateField) : w.date;
        if (date !== undefined && test(date, ctx.applicationDate, ctx.programYear, w.achievement.revokedOn)) continue;
        reject(w, 'outside_period', env.by, {
          zh: `成果日期 ${date ?? '未填'} 不在${text.zh}`,
          en: `achievement date ${date ?? '(missing)'} is not ${text.en}`,
        });
      }
    };
  },
};
