import { ErrorDetail } from '@subsidy/common';
import { Actor } from '@subsidy/tenancy';
import { FourEyesError, PolicyIdTakenError, PolicyVersionCasesFailedError, PolicyVersionInvalidError, PolicyVersionStaleError, PolicyVersionStateError } from '../policy-version-errors';
import type { CaseRun } from './case-run';
import { type PolicyVersionRow, type PolicyVersionState } from './policy-version-rows';
import { STATE_ZH } from './version-view';
import type { PolicyValidationError } from './validation/validation-error';

/** Validation errors as the error body's details: the document path, the English and the Chinese message. */
export function validationDetails(errors: readonly PolicyValidationError[], prefix = ''): ErrorDetail[] {
  return errors.map((e) => ({
    path: prefix ? (e.path === '$' ? prefix : `${prefix}.${e.path}`) : e.path,
    message: e.line === null ? e.message.en : `line ${e.line}: ${e.message.en}`,
    messageZh: e.line === null ? e.message.zh : `第 ${e.line} 行：${e.message.zh}`,
  }));
}

export function requireState(row: PolicyVersionRow, allowed: readonly PolicyVersionState[], action: { zh: string; en: string }): void {
  if (allowed.includes(row.state)) return;
  throw new PolicyVersionStateError({
    zh: `政策版本“${row.policyId}”当前为“${STATE_ZH[row.state]}”，不能${action.zh}`,
    en: `Policy version ${row.policyId} is ${row.state} and cannot be ${action.en}`,
  });
}

export function requireVersion(row: PolicyVersionRow, version: number): void {
  if (row.version !== version) throw new PolicyVersionStaleError();
}

/** Four eyes: whoever drafted a version never approves or returns it. */
export function requireNotAuthor(row: PolicyVersionRow, actor: Actor): void {
  if (row.author === actor.id) throw new FourEyesError();
}

/**
 * What must hold before a version goes forward (submit) and again when it is published (approve): the text validates
 * and every case passes, and its policy id has not been published meanwhile. Nothing invalid is ever published.
 */
export function requirePublishable(row: PolicyVersionRow, report: { valid: boolean; errors: PolicyValidationError[] }, cases: CaseRun, publishedWithSameId: boolean): void {
  if (!report.valid) {
    throw new PolicyVersionInvalidError(
      { zh: `政策版本“${row.policyId}”的文本有 ${report.errors.length} 处错误，改正后才能提交或发布`, en: `The text of ${row.policyId} has ${report.errors.length} error(s); fix them first` },
      validationDetails(report.errors, 'sourceText'),
    );
  }
  if (cases.total === 0 || cases.failed > 0) throw new PolicyVersionCasesFailedError(cases.results.filter((r) => !r.passed), cases.total);
  if (publishedWithSameId) throw new PolicyIdTakenError(row.policyId);
}
