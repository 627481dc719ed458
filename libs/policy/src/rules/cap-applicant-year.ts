import { live } from '../engine/work-item';
import type { ScopeSpec } from '../match/scope';
import type { RuleModule } from './rule-module';
import { scopeSchema, yuanSchema } from './schema-parts';
import { capTotal } from './total-cap';

export const capApplicantYearRule: RuleModule = {
  kind: 'cap_applicant_year',
  step: 'totals',
  label: { zh: '每单位每年总额', en: 'per applicant per year' },
  properties: {
    max: yuanSchema,
    raised: {
      type: 'object',
      properties: { max: yuanSchema, when: scopeSchema },
      required: ['max', 'when'],
      additionalProperties: false,
    },
  },
  required: ['max'],
  compile(params, env) {
    const max = env.yuan(params.max, ['max']);
    const raised = params.raised as { max: unknown; when: ScopeSpec } | undefined;
    const raisedMax = raised ? env.yuan(raised.max, ['raised', 'max']) : undefined;
    const raisedWhen = raised ? env.scope(raised.when, ['raised', 'when']) : undefined;
    const scope = env.scope(params.scope as ScopeSpec | undefined);
    return (ctx) => {
      const items = live(ctx, scope);
      const isRaised = raisedWhen !== undefined && items.some((w) => w.item !== null && raisedWhen(w.item));
      const cap = isRaised && raisedMax !== undefined ? raisedMax : max;
      capTotal(items, cap, 'cap_applicant_year', env.by, {
        zh: isRaised ? '（含提高上限的项目）同一单位每年' : '同一单位每年',
        en: isRaised ? 'one applicant per year (raised cap applies)' : 'one applicant per year',
      });
    };
  },
};
