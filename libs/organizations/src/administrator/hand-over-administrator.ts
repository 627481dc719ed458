import { Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { ValidationFailedError } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { Actor } from '@subsidy/tenancy';
import { loadOrganizationInScope } from '../organization-scope';
import { NotAMemberError, NotOrganizationAdministratorError } from '../registration/registration-errors';
import { RegistrationStore } from '../registration/registration-store';
import { membersOf, OrganizationMember } from './organization-members';

export interface HandOverAdministratorCommand {
  actor: Actor;
  organizationId: string;
  userId: string;
  reason: string | null;
}

/**
 * The organization's administrator (the registering applicant, until they hand it on) alone changes its payee account
 * and may hand the role to another active member. A program officer may also assign it, with a reason, for an
 * organization whose administrator has left or that never had one (organizations created before the role existed).
 * Audited with the previous and new administrator; every member is told, so a hand-over nobody asked for is noticed.
 */
@Injectable()
export class HandOverAdministrator {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
  ) {}

  execute({ actor, organizationId, userId, reason }: HandOverAdministratorCommand): Promise<OrganizationMember[]> {
    if (actor.role !== 'applicant' && !reason) {
      throw new ValidationFailedError({ zh: '请填写指定管理员的理由', en: 'Invalid request: reason' }, [
        { path: 'reason', message: 'required when a program officer assigns the administrator', messageZh: '工作人员指定管理员时须填写理由' },
      ]);
    }
    return this.transactions.run(async (manager) => {
      const organization = await loadOrganizationInScope(manager, actor, organizationId, true);
      const registration = (await RegistrationStore.get(manager, organizationId))!;
      if (actor.role === 'applicant' && registration.administratorUserId !== actor.id) {
        throw new NotOrganizationAdministratorError({ zh: '移交管理员身份', en: 'hand over the administrator role' });
      }
      const members = await membersOf(manager, organizationId);
      const next = members.find((m) => m.userId === userId && m.active);
      if (!next) throw new NotAMemberError(userId);
      await RegistrationStore.setAdministrator(manager, organizationId, userId);
      await this.audit.record(manager, {
        action: 'organization.administrator_changed',
        entityType: 'organization',
        entityId: organizationId,
        reason,
        data: { from: registration.administratorUserId, to: userId, toUsername: next.username },
      });
      await this.notifier.notify(manager, [{ organizationId }], {
        kind: 'organization.administrator-changed',
        subject: '单位管理员已变更',
        body: `${organization.name}的管理员已变更为${next.displayName}（${next.username}）。管理员负责维护本单位收款账户。`,
        entity: { type: 'organization', id: organizationId },
      });
      return membersOf(manager, organizationId);
    });
  }
}
