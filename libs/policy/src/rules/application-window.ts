import { live, reject } from '../engine/work-item';
import type { ScopeSpec } from '../match/scope';
import type { RuleModule } from './rule-module';

const MONTH_DAY = { type: 'string', pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' };

/** Limits the application date to a window of the program year (e.g. until 30 September, or the fourth quarter). */
export const applicationWindowRule: RuleModule = {
  kind: 'application_window',
  step: 'eligibility',
  label: { zh: '申报期限', en: 'application window' },
  properties: { from: MONTH_DAY, to: MONTH_DAY },
  compile(params, env) {
    const from = params.from as string | undefined;
    const to = params.to as string | undefined;
    if (from === undefined && to === undefined) env.fail(['kind'], 'application_window needs `from` and/or `to` (MM-DD)');
    const scope = env.scope(params.scope as ScopeSpec | undefined);
    return (ctx) => {
      const start = `${ctx.programYear}-${from ?? '01-01'}`;
      const end = `${ctx.programYear}-${to ?? '12-31'}`;
      const a = ctx.applicationDate;
      if (a >= start && a <= end) return;
      for (const w of live(ctx, scope)) {
        reject(w, 'outside_period', env.by, {
          zh: `申报日期 ${a} 不在受理期 ${start} 至 ${end} 内`,
          en: `application date ${a} is outside the window ${start} to ${end}`,
        });
      }
    };
  },
  // A window without scope is the call's own window (every item is refused outside it), so a program's window must
  // lie inside it; a scoped one only conditions some items, and a call may well run outside it for the others.
  window(params) {
    if (params.scope !== undefined) return undefined;
    return { from: (params.from as string | undefined) ?? '01-01', to: (params.to as string | undefined) ?? '12-31' };
  },
};
