import type { Localized } from '@subsidy/common';
import { compileScope, parseYuan, type CompiledPolicy, type ScopeSpec } from '@subsidy/policy';
import type { DocPath } from './validation-error';

export interface RawProblem {
  path: DocPath;
  message: Localized;
}

/** Another published version of the tenant, as the overlap rule needs it. */
export interface PublishedSpan {
  policyId: string;
  effectiveFrom: string;
  effectiveTo: string | null;
}

type Doc = Record<string, unknown>;
const isObject = (v: unknown): v is Doc => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Every amount of the document (item amounts and rule caps), with its path. */
function amounts(doc: Doc): Array<{ path: DocPath; value: unknown }> {
  const out: Array<{ path: DocPath; value: unknown }> = [];
  list(doc.items).forEach((item, i) => {
    if (!isObject(item)) return;
    for (const key of ['fixed', 'ceiling']) if (item[key] !== undefined) out.push({ path: ['items', i, key], value: item[key] });
    if (isObject(item.rate) && item.rate.ceiling !== undefined) out.push({ path: ['items', i, 'rate', 'ceiling'], value: item.rate.ceiling });
  });
  list(doc.rules).forEach((rule, j) => {
    if (!isObject(rule)) return;
    if (rule.max !== undefined && typeof rule.max !== 'object') out.push({ path: ['rules', j, 'max'], value: rule.max });
    if (isObject(rule.raised) && rule.raised.max !== undefined) out.push({ path: ['rules', j, 'raised', 'max'], value: rule.raised.max });
  });
  return out;
}

/**
 * Negative or fractional amounts: money is whole fen, never below zero. A number must be whole yuan (fractions are
 * written as text, "7.5万"); text may carry at most two decimals of yuan (six of 万元) — anything finer than a fen is
 * refused rather than rounded, since rounding would change the text's figure.
 */
export function amountProblems(doc: Doc): RawProblem[] {
  const problems: RawProblem[] = [];
  for (const { path, value } of amounts(doc)) {
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
    if (/^-/.test(text)) {
      problems.push({ path, message: { zh: `金额不能为负数（现为 ${text}）`, en: `an amount cannot be negative (${text})` } });
    } else if (typeof value === 'number' && !Number.isInteger(value)) {
      problems.push({ path, message: { zh: `金额 ${value} 不是整元数：带小数的金额请写成文字，如 "7.5万"`, en: `amount ${value} is not whole yuan; write fractions as text, e.g. "7.5万"` } });
    } else if ((typeof value === 'number' || typeof value === 'string') && 'error' in parseYuan(value)) {
      const fine = /^\d+\.\d{3,}$/.test(text) || /^\d+\.\d{7,}万元?$/.test(text);
      problems.push({
        path,
        message: fine
          ? { zh: `金额“${text}”精确到了分以下，金额最多精确到分`, en: `amount "${text}" is finer than one fen` }
          : { zh: `金额“${text}”格式不对：写作元（如 "75000"）或万元（如 "7.5万"）`, en: `amount "${text}" is not yuan or 万元` },
      });
    }
  }
  return problems;
}

/** Rule kinds whose `max` bounds every single item in their scope: an item promising more than that contradicts it. */
const ITEM_BOUNDING_CAPS = ['cap_item', 'cap_applicant_year', 'cap_group'];

/**
 * A ceiling (or fixed amount) above a cap it must respect: an item in the scope of a per-item cap, a yearly cap per
 * applicant or a group cap can never pay more than that cap, so a higher figure is a drafting error (typically a
 * raised ceiling whose cap was not raised with it). A yearly cap with `raised` counts at its raised figure.
 */
export function ceilingAboveCapProblems(doc: Doc, compiled: CompiledPolicy): RawProblem[] {
  const problems: RawProblem[] = [];
  list(doc.rules).forEach((rule, j) => {
    if (!isObject(rule) || !ITEM_BOUNDING_CAPS.includes(String(rule.kind))) return;
    const max = parseYuan(rule.max);
    if ('error' in max) return;
    const raised = isObject(rule.raised) ? parseYuan(rule.raised.max) : undefined;
    const capFen = raised && !('error' in raised) ? Math.max(max.fen, raised.fen) : max.fen;
    const { scope } = compileScope(isObject(rule.scope) ? (rule.scope as ScopeSpec) : undefined, compiled.items);
    compiled.items.forEach((item, i) => {
      if (!scope(item) || item.amount.form === 'rate') return;
      const amountFen = item.amount.amountFen;
      if (amountFen <= capFen) return;
      const key = item.amount.form === 'derive' ? 'derive' : item.amount.form;
      problems.push({
        path: ['items', i, key],
        message: {
          zh: `“${item.name.zh}”的金额 ${yuan(amountFen)} 元高于其须遵守的上限 ${yuan(capFen)} 元（rules[${j}]，${String(rule.article ?? '')}）：请一并调整该上限，或降低本项金额`,
          en: `item ${item.id} (${yuan(amountFen)} yuan) is above the cap of rules[${j}] (${yuan(capFen)} yuan) it must respect`,
        },
      });
    });
  });
  return problems;
}

/**
 * Validity overlapping another published version of the tenant. The engine would take the later-starting version
 * where two overlap, which silently shortens the older one; so an overlap must be explicit: the draft names the
 * version it replaces in `supersedes` and starts after it. A published version itself is never changed.
 */
export function overlapProblems(doc: Doc, others: readonly PublishedSpan[]): RawProblem[] {
  const from = typeof doc.effectiveFrom === 'string' ? doc.effectiveFrom : undefined;
  if (!from) return [];
  const to = typeof doc.effectiveTo === 'string' ? doc.effectiveTo : null;
  const supersedes = typeof doc.supersedes === 'string' ? doc.supersedes : undefined;
  const problems: RawProblem[] = [];
  if (supersedes !== undefined && !others.some((o) => o.policyId === supersedes)) {
    problems.push({ path: ['supersedes'], message: { zh: `所替代的版本“${supersedes}”不是本市已发布的版本`, en: `supersedes names "${supersedes}", which is not a published version of the tenant` } });
  }
  for (const other of others) {
    const overlaps = other.effectiveFrom <= (to ?? '9999-12-31') && from <= (other.effectiveTo ?? '9999-12-31');
    if (!overlaps) continue;
    const span = `${other.effectiveFrom} 至 ${other.effectiveTo ?? '长期'}`;
    if (other.policyId === supersedes && other.effectiveFrom < from) continue;
    problems.push({
      path: ['effectiveFrom'],
      message:
        other.policyId === supersedes
          ? { zh: `本版本替代“${other.policyId}”（${span}），生效日期须晚于其生效日期 ${other.effectiveFrom}`, en: `a version superseding ${other.policyId} must start after ${other.effectiveFrom}` }
          : {
              zh: `有效期与已发布的版本“${other.policyId}”（${span}）重叠：请调整有效期，或在 supersedes 中写明本版本替代“${other.policyId}”`,
              en: `validity overlaps the published version ${other.policyId} (${other.effectiveFrom}..${other.effectiveTo ?? ''}); change the dates or name it in supersedes`,
            },
    });
  }
  return problems;
}

function yuan(fen: number): string {
  const whole = Math.trunc(fen / 100);
  const cents = fen % 100;
  return cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0')}`;
}
