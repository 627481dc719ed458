import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { Actor } from '@subsidy/tenancy';
import { loadOrganizationInScope } from '../organization-scope';
import { RegistrationStateError } from './registration-errors';
import { RegistrationStore, RegistrationView } from './registration-store';

export interface ReviewRegistrationCommand {
  actor: Actor;
  organizationId: string;
  decision: 'approve' | 'reject';
  /** Required to reject (the applicant is told why); an optional note when approving. */
  reason: string | null;
}

/**
 * The district's reviewer (only for organizations of their district: the scope check answers 403 otherwise) or a
 * program officer checks a self-registration against the licence and approves it, after which the organization may
 * submit applications, or rejects it with a reason. A rejected registration may be approved later (the applicant
 * clarified); an approved one is final. Audited with the reason, and the organization's accounts are notified.
 */
@Injectable()
export class ReviewRegistration {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ actor, organizationId, decision, reason }: ReviewRegistrationCommand): Promise<RegistrationView> {
    return this.transactions.run(async (manager) => {
      const organization = await loadOrganizationInScope(manager, actor, organizationId, true);
      const before = (await RegistrationStore.get(manager, organizationId))!;
      const allowed = decision === 'approve' ? before.status !== 'verified' : before.status === 'pending_review';
      if (!allowed) throw new RegistrationStateError(before.status, decision);
      const after = await RegistrationStore.decide(manager, organizationId, {
        status: decision === 'approve' ? 'verified' : 'rejected',
        by: actor.id,
        at: this.clock.now(),
        reason: decision === 'reject' ? reason : null,
      });
      await this.audit.record(manager, {
        action: decision === 'approve' ? 'organization.registration_approved' : 'organization.registration_rejected',
        entityType: 'organization',
        entityId: organizationId,
        reason,
        data: { from: before.status, to: after.status, flags: before.flags, uscc: organization.uscc, districtCode: organization.districtCode },
      });
      await this.notifier.notify(manager, [{ organizationId }], {
        kind: decision === 'approve' ? 'organization.registration-approved' : 'organization.registration-rejected',
        subject: decision === 'approve' ? '单位注册已审核通过' : '单位注册审核未通过',
        body:
          decision === 'approve'
            ? `${organization.name}的注册信息已审核通过，现在可以提交申报。`
            : `${organization.name}的注册信息审核未通过：${reason}。请与所在区主管部门联系核实。`,
        entity: { type: 'organization', id: organizationId },
      });
      return after;
    });
  }
}
