import { byAmountThenId, live, reject, type ApplicantContext, type WorkItem } from '../engine/work-item';
import type { Scope, ScopeSpec } from '../match/scope';
import type { RuleModule } from './rule-module';
import { yuanSchema } from './schema-parts';
import { capTotal } from './total-cap';

/** Awarded items in scope of every applicant of the request. */
function allLive(contexts: readonly ApplicantContext[], scope: Scope): WorkItem[] {
  return contexts.flatMap((ctx) => live(ctx, scope));
}

/**
 * 全区每年资助总额不超过 X: the items in scope of all applicants of the request together. Meaningful only when the
 * request holds the whole program year's applicants (the reviewer's batch computation).
 */
export const capRequestTotalRule: RuleModule = {
  kind: 'cap_request_total',
  step: 'request_totals',
  label: { zh: '年度资助总额', en: 'program total' },
  properties: { max: yuanSchema },
  required: ['max', 'scope'],
  compile(params, env) {
    const max = env.yuan(params.max, ['max']);
    const scope = env.scope(params.scope as ScopeSpec | undefined);
    return {
      request: (contexts) =>
        capTotal(allLive(contexts, scope), max, 'cap_request_total', env.by, { zh: '全部申请单位合计每年', en: 'all applicants of the request together per year' }),
    };
  },
};

/** 择优支持不超过 N 个: at most N items in scope across all applicants of the request; the highest awards are kept. */
export const requestCountLimitRule: RuleModule = {
  kind: 'request_count_limit',
  step: 'request_totals',
  label: { zh: '年度数量限制', en: 'program count limit' },
  properties: { max: { type: 'integer', minimum: 1 } },
  required: ['max', 'scope'],
  compile(params, env) {
    const max = params.max as number;
    const scope = env.scope(params.scope as ScopeSpec | undefined);
    return {
      request: (contexts) => {
        const mains = contexts.flatMap((ctx) => live(ctx, scope, false));
        if (mains.length <= max) return;
        for (const w of [...mains].sort(byAmountThenId).slice(max)) {
          reject(w, 'count_limit', env.by, {
            zh: `全部申请单位每年最多${max}项，保留金额最高的${max}项（同额按统一社会信用代码、成果编号排序）`,
            en: `at most ${max} across all applicants per year; the ${max} highest awards are kept (ties by uscc, then achievement id)`,
          });
        }
      },
    };
  },
};
