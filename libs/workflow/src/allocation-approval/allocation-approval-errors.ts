import { DomainError, ErrorDetail } from '@subsidy/common';

/** The program's policy text names no higher authority that approves the allocation: there is nothing to record. */
export class AllocationApprovalNotRequiredError extends DomainError {
  readonly code = 'allocation_approval_not_required';
  readonly status = 409;
  constructor(policyId: string) {
    super(`The policy ${policyId} of this program requires no approval of the allocation by a higher authority; there is nothing to record`);
  }
}

/** One approval per program: a second one would leave two documents authorising the same payment. */
export class AllocationAlreadyApprovedError extends DomainError {
  readonly code = 'allocation_already_approved';
  readonly status = 409;
  constructor(documentNo: string, approvedOn: string) {
    super(`The allocation of this program was already approved (${documentNo}, ${approvedOn})`);
  }
}

/** The approved total must be exactly the total of the approved list at the time of recording. */
export class AllocationTotalMismatchError extends DomainError {
  readonly code = 'allocation_total_mismatch';
  readonly status = 409;
  constructor(approvedTotalFen: number, listTotalFen: bigint) {
    const details: ErrorDetail[] = [
      { path: 'approvedTotalFen', message: `the approval states ${approvedTotalFen} fen but the program's approved awards total ${listTotalFen} fen` },
    ];
    super(`The approved total (${approvedTotalFen} fen) differs from the total of the program's approved awards (${listTotalFen} fen); the approval must cover exactly the approved list`, details);
  }
}

/**
 * Hand-over without the approval the policy requires (e.g. Foshan 第十三条: 报市人民政府批准后，由市财政局统一拨付): the
 * finance side may not pay what the approving body has not approved.
 */
export class AllocationApprovalRequiredError extends DomainError {
  readonly code = 'allocation_approval_required';
  readonly status = 409;
  constructor(article: string, by: string) {
    super(`${article} of the program's policy requires the allocation to be approved by ${by} before it is handed over for payment; record the approval first (POST /programs/{id}/allocation-approval)`);
  }
}

/** The approved list changed after the approval was recorded; the approval no longer covers what would be paid. */
export class AllocationApprovalStaleError extends DomainError {
  readonly code = 'allocation_approval_stale';
  readonly status = 409;
  constructor(documentNo: string) {
    super(`The approved list differs from the one covered by the approval ${documentNo}; it cannot be handed over under that approval`);
  }
}
