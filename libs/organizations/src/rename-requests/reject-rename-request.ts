import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { DecideRenameRequestCommand } from './approve-rename-request';
import { lockPendingRequest } from './decide-rename-request';
import { RenameRequest, RenameRequestStore } from './rename-request-record';

/** A program officer rejects a held rename with the reason the applicant is told; the name stays as it is. */
@Injectable()
export class RejectRenameRequest {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ actor, requestId, reason }: DecideRenameRequestCommand): Promise<RenameRequest> {
    return this.transactions.run(async (manager) => {
      const request = await lockPendingRequest(manager, requestId);
      const decided = await RenameRequestStore.decide(manager, request.id, { status: 'rejected', decidedBy: actor.id, decidedAt: this.clock.now(), reason });
      await this.audit.record(manager, {
        action: 'organization.rename-request-rejected',
        entityType: 'organization_rename_request',
        entityId: request.id,
        reason,
        data: { from: 'pending', to: 'rejected', organizationId: request.organizationId, requestedName: request.requestedName },
      });
      await this.notifier.notify(manager, [{ organizationId: request.organizationId }], {
        kind: 'organization.rename-rejected',
        subject: '更名申请未获批准',
        body: `将单位名称变更为“${request.requestedName}”的申请未获批准。理由：${reason}`,
        entity: { type: 'organization', id: request.organizationId },
      });
      return decided;
    });
  }
}
