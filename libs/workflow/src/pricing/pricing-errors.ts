import { DomainError, Localized } from '@subsidy/common';

/** The policy engine could not price the application's items, so no ceiling can be checked against. */
export class PricingUnavailableError extends DomainError {
  readonly code = 'ceiling_unavailable';
  readonly status = 409;
  constructor(message: Localized) {
    super(message);
  }
}

/**
 * The application's date (its submission date, or today for a draft) is outside the validity of the program's policy
 * version. Nothing is priced: a figure under a text that was not in force that day would look authoritative and be
 * wrong. A program's window lies within its text's validity, so this meets drafts left past the window's end, and
 * programs configured before that rule.
 */
export class PolicyNotInForceError extends DomainError {
  readonly code = 'policy_not_in_force';
  readonly status = 409;
  constructor(policy: { id: string; effectiveFrom: string; effectiveTo: string | null }, applicationDate: string) {
    const span = policy.effectiveTo === null ? `from ${policy.effectiveFrom} with no end date` : `from ${policy.effectiveFrom} to ${policy.effectiveTo}`;
    const spanZh = policy.effectiveTo === null ? `自 ${policy.effectiveFrom} 起施行` : `有效期为 ${policy.effectiveFrom} 至 ${policy.effectiveTo}`;
    super(
      {
        zh: `申报日期 ${applicationDate} 不在本项目所依据政策文件的有效期内（${spanZh}），无法测算资助金额`,
        en: `No award can be estimated for an application dated ${applicationDate}: the program's policy ${policy.id} is in force ${span}`,
      },
      [
        {
          path: 'applicationDate',
          message: `${applicationDate} is outside the validity of policy ${policy.id} (${span})`,
          messageZh: `${applicationDate} 不在政策有效期内（${spanZh}）`,
        },
      ],
    );
  }
}
