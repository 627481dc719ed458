import { DomainError, ValidationFailedError } from '@subsidy/common';

/**
 * A draft whose text does not compile cannot be priced: the officer fixes it first (the drafting screen names the
 * field). The engine's own message (`label:line: reason`) is passed on in the details.
 */
export class WhatIfVersionInvalidError extends DomainError {
  readonly code = 'policy_version_not_evaluable';
  readonly status = 422;
  constructor(reason: string) {
    super({ zh: '该政策版本的内容有误，无法测算，请先按校验提示修改', en: `The policy version cannot be evaluated: ${reason}` }, [
      { path: 'sourceText', message: reason, messageZh: '政策文本未通过校验' },
    ]);
  }
}

/** Exactly one of programId and year chooses the applications; the 400 names the field(s) at fault. */
export function whatIfScopeError(given: { programId: boolean; year: boolean }): ValidationFailedError {
  const both = given.programId && given.year;
  const details = both
    ? [{ path: 'year', message: 'give either programId or year, not both', messageZh: '项目和年度只能选择其一' }]
    : [
        { path: 'programId', message: 'give programId or year', messageZh: '请选择一个项目或一个年度' },
        { path: 'year', message: 'give programId or year', messageZh: '请选择一个项目或一个年度' },
      ];
  return new ValidationFailedError(
    { zh: '请选择一个项目或一个年度进行测算（二者选其一）', en: `Invalid request: ${details.map((d) => d.path).join(', ')}` },
    details,
  );
}
