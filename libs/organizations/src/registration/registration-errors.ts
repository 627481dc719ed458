import { DomainError, ErrorDetail } from '@subsidy/common';
import { RegistrationStatus } from './registration-store';

/** The credit code's registering office does not fit the tenant or the declared district (uscc-division.ts). */
export class UsccDivisionMismatchError extends DomainError {
  readonly code = 'uscc_division_mismatch';
  readonly status = 422;
  constructor(detail: ErrorDetail) {
    super(
      {
        zh: `统一社会信用代码与所在地区不符：${detail.messageZh ?? detail.message}`,
        en: `The credit code does not fit the declared place of registration: ${detail.message}`,
      },
      [detail],
    );
  }
}

/** An organization whose registration has not been approved may draft, but not submit. */
export class OrganizationNotVerifiedError extends DomainError {
  readonly code = 'organization_not_verified';
  readonly status = 409;
  constructor(status: RegistrationStatus, reason: string | null) {
    super(
      status === 'rejected'
        ? { zh: `单位注册审核未通过（${reason ?? ''}），不能提交申报`, en: `The organization's registration was rejected (${reason ?? ''}); it cannot submit applications` }
        : { zh: '单位注册信息尚待所在区或市主管部门审核，审核通过后方可提交申报', en: "The organization's registration is awaiting review by its district or the city; it can submit once approved" },
      [{ path: 'organization', message: status, messageZh: status === 'rejected' ? '注册审核未通过' : '注册待审核' }],
    );
  }
}

/** The registration is not in a state that allows this review decision. */
export class RegistrationStateError extends DomainError {
  readonly code = 'registration_state';
  readonly status = 409;
  constructor(status: RegistrationStatus, decision: 'approve' | 'reject') {
    super(
      {
        zh: `单位注册当前为“${STATUS_ZH[status]}”，不能${decision === 'approve' ? '审核通过' : '退回'}`,
        en: `The registration is ${status}; it cannot be ${decision === 'approve' ? 'approved' : 'rejected'}`,
      },
      [{ path: 'status', message: status, messageZh: STATUS_ZH[status] }],
    );
  }
}

/** Only the organization's administrator may do this (change the payee account, hand over the role). */
export class NotOrganizationAdministratorError extends DomainError {
  readonly code = 'not_organization_administrator';
  readonly status = 403;
  constructor(what: { zh: string; en: string }) {
    super({ zh: `只有本单位管理员可以${what.zh}`, en: `Only the organization's administrator may ${what.en}` });
  }
}

/** The user named as the new administrator is not an active applicant member of the organization. */
export class NotAMemberError extends DomainError {
  readonly code = 'not_a_member';
  readonly status = 422;
  constructor(userId: string) {
    super(
      { zh: '新的管理员必须是本单位在用的申报账户', en: 'The new administrator must be an active applicant account of this organization' },
      [{ path: 'userId', message: `${userId} is not an active member of this organization`, messageZh: '不是本单位在用的申报账户' }],
    );
  }
}

export const STATUS_ZH: Record<RegistrationStatus, string> = {
  pending_review: '待审核',
  verified: '已审核通过',
  rejected: '审核未通过',
};
