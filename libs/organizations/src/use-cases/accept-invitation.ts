import { Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { hashPassword, hashToken, isUniqueViolation, TenantDirectory, UnknownTenantError, UserRecord, UsernameTakenError, UserStore } from '@subsidy/auth';
import { TenantTransactions } from '@subsidy/database';
import { applicantActor, auditAs } from '../audit-as';
import { InvitationStore } from '../invitations/invitation-store';
import { InvitationInvalidError } from '../organization-errors';

/** As validated by AcceptInvitationDto: the invitee picks their own username, display name and password. */
export interface AcceptInvitationCommand {
  tenant: string;
  token: string;
  username: string;
  displayName: string;
  password: string;
}

/**
 * A public act: the invitee redeems the token and becomes an applicant bound to the inviting organization, with the
 * invited e-mail address. The token is spent in the same transaction, and both records are audited as the new
 * applicant's own act.
 */
@Injectable()
export class AcceptInvitation {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly tenants: TenantDirectory,
    private readonly audit: AuditLog,
  ) {}

  async execute(command: AcceptInvitationCommand): Promise<UserRecord> {
    const tenant = await this.tenants.find(command.tenant);
    if (!tenant) throw new UnknownTenantError(command.tenant, [{ path: 'tenant', message: 'no such tenant' }]);
    // Hashed before the transaction opens, so the slow argon2 work holds no connection or lock.
    const passwordHash = await hashPassword(command.password);
    try {
      return await this.transactions.runFor(tenant.id, async (manager) => {
        // Locked FOR UPDATE, so two acceptances of one token cannot both succeed.
        const invitation = await InvitationStore.findForUpdate(manager, hashToken(command.token));
        if (!invitation) throw new InvitationInvalidError({ zh: '邀请链接无效', en: 'unknown token' });
        if (invitation.accepted_at) throw new InvitationInvalidError({ zh: '邀请已被使用', en: 'it was already used' });
        if (invitation.expires_at.getTime() <= Date.now()) throw new InvitationInvalidError({ zh: '邀请已过期，请联系单位管理员重新邀请', en: 'it has expired; ask for a new one' });
        if (await UserStore.usernameExists(manager, command.username)) throw new UsernameTakenError('username');
        const user = await UserStore.insert(manager, tenant.id, {
          username: command.username,
          displayName: command.displayName,
          email: invitation.email,
          passwordHash,
          role: 'applicant',
          districtCode: null,
          financeLevel: null,
          organizationId: invitation.organization_id,
        });
        await InvitationStore.markAccepted(manager, invitation.id, user.id);
        const actor = applicantActor(user);
        await auditAs(this.audit, manager, tenant.id, actor, {
          action: 'organization.invitation_accepted',
          entityType: 'organization',
          entityId: invitation.organization_id,
          data: { invitationId: invitation.id, userId: user.id },
        });
        await auditAs(this.audit, manager, tenant.id, actor, {
          action: 'user.created',
          entityType: 'user',
          entityId: user.id,
          data: { username: user.username, role: user.role, organizationId: invitation.organization_id },
        });
        return user;
      });
    } catch (error) {
      // A concurrent sign-up can take the username after the check; the unique constraint decides, same answer.
      if (isUniqueViolation(error, 'users_tenant_id_username_key')) throw new UsernameTakenError('username');
      throw error;
    }
  }
}
