import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK, ValidationFailedError } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { OrganizationRecord, OrganizationStore } from '../organization-record';
import { loadOrganizationInScope } from '../organization-scope';
import { RenameRequestPendingError } from '../rename-requests/rename-request-errors';
import { RenameRequest, RenameRequestStore } from '../rename-requests/rename-request-record';
import { applicationsInWorkflow } from '../rename-requests/workflow-freeze';

export interface RenameOrganizationCommand {
  actor: Actor;
  organizationId: string;
  name: string;
}

/** Renamed at once, or (an applicant's rename while an application is in the workflow) held as a request. */
export type RenameOutcome = { outcome: 'renamed'; organization: OrganizationRecord } | { outcome: 'requested'; request: RenameRequest };

/**
 * The only change an organization allows: its name. The code, kind and district are facts of the registration.
 * The audit record keeps the old and new names, since the row itself keeps only the latest.
 *
 * While the organization has an application between submission and a terminal status, an applicant's rename is not
 * applied: it becomes a rename request a program officer approves or rejects (rename-requests/), because the name is
 * then part of what is reviewed, decided and published. A program officer's own rename applies at once (they are the
 * ones who would approve it). Lists after a decision read the decision's snapshot either way.
 */
@Injectable()
export class RenameOrganization {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ actor, organizationId, name }: RenameOrganizationCommand): Promise<RenameOutcome> {
    if (name.trim() === '') {
      throw new ValidationFailedError({ zh: '单位名称不能为空', en: 'Invalid request: name' }, [{ path: 'name', message: 'must not be blank', messageZh: '不能为空' }]);
    }
    return this.transactions.run(async (manager) => {
      const before = await loadOrganizationInScope(manager, actor, organizationId, true);
      if (actor.role === 'applicant' && name !== before.name) {
        const inWorkflow = await applicationsInWorkflow(manager, organizationId);
        if (inWorkflow.length > 0) return { outcome: 'requested', request: await this.request(manager, actor, before, name, inWorkflow) };
      }
      await OrganizationStore.rename(manager, organizationId, name);
      const after = { ...before, name };
      await this.audit.record(manager, {
        action: 'organization.renamed',
        entityType: 'organization',
        entityId: organizationId,
        data: { from: before.name, to: after.name },
      });
      return { outcome: 'renamed', organization: after };
    });
  }

  private async request(
    manager: EntityManager,
    actor: Actor,
    organization: OrganizationRecord,
    name: string,
    inWorkflow: Array<{ id: string; status: string }>,
  ): Promise<RenameRequest> {
    // The organization row is locked, so a second request cannot slip in between this check and the insert.
    const pending = await RenameRequestStore.pendingFor(manager, organization.id);
    if (pending) throw new RenameRequestPendingError(pending.requestedName);
    const request = await RenameRequestStore.insert(manager, {
      tenantId: RequestContextStore.requireTenantId(),
      organizationId: organization.id,
      currentName: organization.name,
      requestedName: name,
      requestedBy: actor.id,
      requestedAt: this.clock.now(),
    });
    await this.audit.record(manager, {
      action: 'organization.rename-requested',
      entityType: 'organization',
      entityId: organization.id,
      data: { requestId: request.id, from: organization.name, to: name, applications: inWorkflow },
    });
    await this.notifier.notify(manager, [{ role: 'program_officer' }], {
      kind: 'organization.rename-requested',
      subject: `更名申请待审核：${organization.name}`,
      body: `${organization.name}（${organization.uscc}）申请更名为“${name}”。该单位有申报正在评审流程中，更名需经审核后生效。`,
      entity: { type: 'organization', id: organization.id },
    });
    return request;
  }
}
