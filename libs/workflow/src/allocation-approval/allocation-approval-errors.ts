import { DomainError, ErrorDetail } from '@subsidy/common';
import { fenToYuan } from '../decision/yuan';

/** The program's policy text names no higher authority that approves the allocation: there is nothing to record. */
export class AllocationApprovalNotRequiredError extends DomainError {
  readonly code = 'allocation_approval_not_required';
  readonly status = 409;
  constructor(policyId: string) {
    super({
      zh: '本项目所依据的政策文件不要求资金分配报上级批准，无需登记批准文件',
      en: `The policy ${policyId} of this program requires no approval of the allocation by a higher authority; there is nothing to record`,
    });
  }
}

/** One approval per program: a second one would leave two documents authorising the same payment. */
export class AllocationAlreadyApprovedError extends DomainError {
  readonly code = 'allocation_already_approved';
  readonly status = 409;
  constructor(documentNo: string, approvedOn: string) {
    super({ zh: `本项目的资金分配已登记批准（${documentNo}，${approvedOn}）`, en: `The allocation of this program was already approved (${documentNo}, ${approvedOn})` });
  }
}

/** The approved total must be exactly the total of the approved list at the time of recording. */
export class AllocationTotalMismatchError extends DomainError {
  readonly code = 'allocation_total_mismatch';
  readonly status = 409;
  constructor(approvedTotalFen: number, listTotalFen: bigint) {
    const details: ErrorDetail[] = [
      {
        path: 'approvedTotalFen',
        message: `the approval states ${approvedTotalFen} fen but the program's approved awards total ${listTotalFen} fen`,
        messageZh: `批准金额 ${fenToYuan(approvedTotalFen)} 元，资助名单合计 ${fenToYuan(listTotalFen)} 元`,
      },
    ];
    super(
      {
        zh: `批准的资金总额（${fenToYuan(approvedTotalFen)} 元）与本项目资助名单合计（${fenToYuan(listTotalFen)} 元）不一致，批准文件须与资助名单完全对应`,
        en: `The approved total (${approvedTotalFen} fen) differs from the total of the program's approved awards (${listTotalFen} fen); the approval must cover exactly the approved list`,
      },
      details,
    );
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
    super({
      zh: `根据政策${article}，资金分配须经${by}批准后方可移交财务拨付，请先登记批准文件`,
      en: `${article} of the program's policy requires the allocation to be approved by ${by} before it is handed over for payment; record the approval first (POST /programs/{id}/allocation-approval)`,
    });
  }
}

/** The approved list changed after the approval was recorded; the approval no longer covers what would be paid. */
export class AllocationApprovalStaleError extends DomainError {
  readonly code = 'allocation_approval_stale';
  readonly status = 409;
  constructor(documentNo: string) {
    super({
      zh: `资助名单与批准文件（${documentNo}）所批准的名单不一致，不能据此移交财务`,
      en: `The approved list differs from the one covered by the approval ${documentNo}; it cannot be handed over under that approval`,
    });
  }
}
