import type { CalcRequest, CalcResult } from '../contract';
import { PolicyEngineError } from '../errors';
import type { CompiledPolicy, CompiledRule } from '../model';
import { placeApplicant, type TenantGeography } from '../placement/placement';
import { paymentPlanOf } from '../rules/payment';
import { matchAchievement } from './match-item';
import { mergeParts } from './merge-parts';
import { reject, type ApplicantContext, type WorkItem } from './work-item';

function compareIds(a: WorkItem, b: WorkItem): number {
  return a.achievement.id < b.achievement.id ? -1 : a.achievement.id > b.achievement.id ? 1 : 0;
}

/** Index of the first id that repeats an earlier one. */
export function firstDuplicateId(ids: string[]): number | undefined {
  const seen = new Set<string>();
  for (let i = 0; i < ids.length; i++) {
    if (seen.has(ids[i])) return i;
    seen.add(ids[i]);
  }
  return undefined;
}

/** An add-on is paid only with its main award (一次性追加: on top of it). */
function dropOrphanedAddOns(items: WorkItem[]): void {
  for (const w of items) {
    if (w.main && w.main.rejected && !w.rejected) {
      reject(w, w.main.reasons[0] ?? 'not_covered', { rule: 'add-on', article: w.item?.article ?? '', source: w.item?.source ?? '' }, {
        zh: '主项目未获资助，追加部分不予发放',
        en: 'the main award is not paid, so the add-on is not paid either',
      });
    }
  }
}

interface Prepared {
  ctx: ApplicantContext;
  lines: WorkItem[][];
  hasParts: boolean;
}

function runApplicantRules(rules: CompiledRule[], p: Prepared): void {
  for (const rule of rules) {
    if (typeof rule.apply === 'function') rule.apply(p.ctx);
    if (p.hasParts) dropOrphanedAddOns(p.ctx.items);
  }
}

/**
 * Evaluates an already validated request under one policy version. Each applicant's achievements are processed
 * sorted by id; rules over the whole request (step `request_totals`) break ties by applicant and id; so the result
 * does not depend on the order of the request.
 */
export function evaluateWithPolicy(policy: CompiledPolicy, request: CalcRequest, geography?: TenantGeography): CalcResult {
  const programYear = request.programYear ?? Number(request.applicationDate.slice(0, 4));
  const prepared: Prepared[] = request.applicants.map((applicant, index) => {
    const duplicate = firstDuplicateId(applicant.achievements.map((a) => a.id));
    if (duplicate !== undefined) {
      const path = `$.applicants[${index}].achievements[${duplicate}].id`;
      throw new PolicyEngineError('invalid_request', `${path}: duplicate achievement id`, path);
    }
    const lines = applicant.achievements.map((a) => matchAchievement(policy, applicant.uscc, a));
    const items = lines.flat().sort(compareIds);
    const ctx: ApplicantContext = {
      policy,
      applicant,
      index,
      placement: placeApplicant(applicant, geography),
      applicationDate: request.applicationDate,
      programYear,
      fundTotalFen: request.fundTotalFen,
      items,
    };
    return { ctx, lines, hasParts: items.length > lines.length };
  });

  const before = policy.rules.filter((r) => r.step !== 'request_totals' && r.step !== 'payout');
  const requestWide = policy.rules.filter((r) => r.step === 'request_totals');
  const payout = policy.rules.filter((r) => r.step === 'payout');
  for (const p of prepared) runApplicantRules(before, p);
  for (const rule of requestWide) {
    if (typeof rule.apply !== 'function') rule.apply.request(prepared.map((p) => p.ctx));
    for (const p of prepared) if (p.hasParts) dropOrphanedAddOns(p.ctx.items);
  }
  for (const p of prepared) runApplicantRules(payout, p);

  const applicants = prepared.map(({ ctx, lines }) => {
    for (const w of ctx.items) {
      if (!w.rejected && w.item?.payment) w.payment = paymentPlanOf(w.item.payment, w.amountFen);
    }
    const items = lines.map(mergeParts);
    return { uscc: ctx.applicant.uscc, totalFen: items.reduce((sum, i) => sum + i.amountFen, 0), items };
  });
  return {
    tenant: policy.tenant,
    policy: {
      id: policy.id,
      title: policy.title,
      effectiveFrom: policy.effectiveFrom,
      effectiveTo: policy.effectiveTo,
      hash: policy.hash,
    },
    applicants,
  };
}
