import { DomainError, ErrorDetail, Localized } from '@subsidy/common';

/** No version with this id in the caller's tenant (another tenant's versions are invisible, so also 404). */
export class PolicyVersionNotFoundError extends DomainError {
  readonly code = 'policy_version_not_found';
  readonly status = 404;
  constructor() {
    super({ zh: '没有找到该政策版本', en: 'No such policy version' });
  }
}

/** Only drafts and returned versions can be edited: a submitted one is under review, a published one is final. */
export class PolicyVersionNotEditableError extends DomainError {
  readonly code = 'policy_version_not_editable';
  readonly status = 409;
  constructor(state: string, policyId: string) {
    super(
      state === 'published'
        ? {
            zh: `政策版本“${policyId}”已发布，已发布的版本不能修改（项目和已计算的金额都依据它）。如需调整，请以它为基础起草新版本。`,
            en: `Policy version ${policyId} is published and can no longer be changed (programs and computed awards rely on it); draft a new version from it instead`,
          }
        : {
            zh: `政策版本“${policyId}”已提交审核，审核期间不能修改；如需修改，请审核人退回后再改。`,
            en: `Policy version ${policyId} is under review and cannot be edited until it is returned`,
          },
    );
  }
}

/** The version changed since the caller read it (its `version` number moved on). */
export class PolicyVersionStaleError extends DomainError {
  readonly code = 'policy_version_stale';
  readonly status = 409;
  constructor() {
    super({ zh: '该政策版本已被他人修改，请刷新后再操作', en: 'The policy version was changed meanwhile; reload it and try again' });
  }
}

/** A step the version's state does not allow (approving a draft, submitting a published version, …). */
export class PolicyVersionStateError extends DomainError {
  readonly code = 'policy_version_invalid_state';
  readonly status = 409;
  constructor(message: Localized) {
    super(message);
  }
}

/** Four eyes: the author of a version never approves or returns it. */
export class FourEyesError extends DomainError {
  readonly code = 'four_eyes';
  readonly status = 403;
  constructor() {
    super({ zh: '起草人不能审核自己起草的政策版本，须由另一位项目主管审核', en: 'The author of a policy version cannot review it; another program officer must' });
  }
}

/** The text does not validate: each detail names the document path (and the line) in Chinese and English. */
export class PolicyVersionInvalidError extends DomainError {
  readonly code = 'policy_version_invalid';
  readonly status = 400;
  constructor(what: Localized, details: ErrorDetail[]) {
    super(what, details);
  }
}

/** Some of the version's cases fail (or none is given), so it cannot go forward for publication. */
export class PolicyVersionCasesFailedError extends DomainError {
  readonly code = 'policy_version_cases_failed';
  readonly status = 400;
  constructor(failed: ReadonlyArray<{ name: string; problems: string[] }>, total: number) {
    super(
      total === 0
        ? { zh: '该政策版本没有测试案例；请至少写一个案例并使其通过后再提交', en: 'The policy version has no cases; add at least one passing case first' }
        : { zh: `该政策版本有 ${failed.length} 个测试案例未通过（共 ${total} 个），全部通过后才能提交或发布`, en: `${failed.length} of ${total} cases of the policy version fail; all must pass` },
      failed.map((c, i) => ({ path: `cases[${i}]`, message: `${c.name}: ${c.problems.join('; ')}`, messageZh: `案例“${c.name}”未通过：${c.problems.join('；')}` })),
    );
  }
}

/** A policy id that is already published in the tenant: a published id names exactly one text for ever. */
export class PolicyIdTakenError extends DomainError {
  readonly code = 'policy_id_taken';
  readonly status = 409;
  constructor(policyId: string) {
    super(
      { zh: `本市已发布过编号为“${policyId}”的政策版本，请为新版本另取编号（如按年份）`, en: `A version ${policyId} is already published in this tenant; choose another id` },
      [{ path: 'policyId', message: `${policyId} is already published`, messageZh: `“${policyId}”已发布过` }],
    );
  }
}
