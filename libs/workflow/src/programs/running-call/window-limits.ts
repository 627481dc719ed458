import { Clock } from '@subsidy/calendar';
import { ErrorDetail, ValidationFailedError } from '@subsidy/common';
import { CompiledPolicy } from '@subsidy/policy';
import { ProgramRecord } from '../../core';
import { cstMinute } from '../cst-text';
import { procedureProblems } from '../procedure-template';
import { ProgramContradictsPolicyError } from '../program-errors';
import { programYearProblems } from '../program-year';

export interface NewWindow {
  opensAt: Date;
  closesAt: Date;
}

/**
 * The checks every new window of a running call passes, reported by the request's own paths (`opensAt`, `closesAt`):
 * it must close after it opens and after now (by the application clock: a window is never shortened into the past),
 * and still open or close in the program's year, 400 validation_failed; and it must stay inside what the text allows, the same rule as create and update
 * (`procedureProblems`: the text's validity and its application-window months of the program year), 422
 * contradicts_policy.
 */
export function assertWindowAllowed(policy: CompiledPolicy, program: ProgramRecord, window: NewWindow, clock: Clock): void {
  const now = clock.now();
  const input: ErrorDetail[] = [];
  if (window.closesAt.getTime() <= window.opensAt.getTime()) {
    input.push({ path: 'closesAt', message: `must be after the opening (${cstMinute(window.opensAt)})`, messageZh: `须晚于开始受理时间（${cstMinute(window.opensAt)}）` });
  }
  if (window.closesAt.getTime() <= now.getTime()) {
    input.push({ path: 'closesAt', message: `must be after now (${cstMinute(now)})`, messageZh: `须晚于当前时间（${cstMinute(now)}）` });
  }
  // The program keeps its year, so a moved window must still open or close in it (the same rule as create and update).
  for (const problem of programYearProblems({ year: program.year, window })) {
    input.push({ ...problem, path: 'closesAt' });
  }
  if (input.length > 0) {
    throw new ValidationFailedError({ zh: '申报期限设置无效', en: `Invalid window: ${[...new Set(input.map((p) => p.path))].join(', ')}` }, input);
  }
  const contradictions = procedureProblems(policy, { year: program.year, window: { kind: program.windowKind, ...window }, review: program.review })
    .filter((p) => p.path === 'window.opensAt' || p.path === 'window.closesAt')
    .map((p) => ({ ...p, path: p.path.slice('window.'.length) }));
  if (contradictions.length > 0) {
    throw new ProgramContradictsPolicyError(
      { zh: `申报期限超出政策 ${policy.id} 允许的范围`, en: `The window contradicts policy ${policy.id}: ${[...new Set(contradictions.map((p) => p.path))].join(', ')}` },
      contradictions,
    );
  }
}
