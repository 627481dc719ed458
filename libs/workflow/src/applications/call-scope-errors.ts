import { DomainError, ErrorDetail } from '@subsidy/common';

/**
 * Achievements a call under the policy text does not take, because the text sends their items to another procedure
 * (procedure.calls.scope, e.g. Liaocheng 第六条第（六）项 专利奖励资金…另行办理); each detail names `achievements[i]`.
 */
export class NotAcceptedByCallError extends DomainError {
  readonly code = 'not_accepted_by_call';
  readonly status = 422;
  constructor(details: ErrorDetail[]) {
    const paths = details.map((d) => d.path);
    super({ zh: `以下成果不在本次申报的受理范围内（另行办理）：${paths.join('、')}`, en: `Not taken by this call (the text leaves them to another procedure): ${paths.join(', ')}` }, details);
  }
}
