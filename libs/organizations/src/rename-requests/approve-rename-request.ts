import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { Actor } from '@subsidy/tenancy';
import { OrganizationNotFoundError } from '../organization-errors';
import { OrganizationStore } from '../organization-record';
import { lockPendingRequest } from './decide-rename-request';
import { RenameRequest, RenameRequestStore } from './rename-request-record';

export interface DecideRenameRequestCommand {
  actor: Actor;
  requestId: string;
  reason: string;
}

/**
 * A program officer approves a held rename: the organization takes the requested name now. Applications already
 * decided keep the name their decision fixed (decision snapshots); those still in review show the new one. Audited
 * twice, as the request and the organization both change, and the organization is told.
 */
@Injectable()
export class ApproveRenameRequest {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ actor, requestId, reason }: DecideRenameRequestCommand): Promise<RenameRequest> {
    return this.transactions.run(async (manager) => {
      const request = await lockPendingRequest(manager, requestId);
      const organization = await OrganizationStore.findById(manager, request.organizationId, true);
      if (!organization) throw new OrganizationNotFoundError(request.organizationId);
      await OrganizationStore.rename(manager, organization.id, request.requestedName);
      const decided = await RenameRequestStore.decide(manager, request.id, { status: 'approved', decidedBy: actor.id, decidedAt: this.clock.now(), reason });
      await this.audit.record(manager, {
        action: 'organization.rename-request-approved',
        entityType: 'organization_rename_request',
        entityId: request.id,
        reason,
        data: { from: 'pending', to: 'approved', organizationId: organization.id },
      });
      await this.audit.record(manager, {
        action: 'organization.renamed',
        entityType: 'organization',
        entityId: organization.id,
        reason,
        data: { from: organization.name, to: request.requestedName, requestId: request.id },
      });
      await this.notifier.notify(manager, [{ organizationId: organization.id }], {
        kind: 'organization.rename-approved',
        subject: '更名申请已批准',
        body: `单位名称已由“${organization.name}”变更为“${request.requestedName}”。已作出资助决定的申报仍以决定时的名称公示和拨付。审核意见：${reason}`,
        entity: { type: 'organization', id: organization.id },
      });
      return decided;
    });
  }
}
