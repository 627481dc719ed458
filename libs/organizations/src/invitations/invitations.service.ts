import { Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { hashPassword, hashToken, isUniqueViolation, newOpaqueToken, TenantDirectory, UnknownTenantError, UserRecord, UsernameTakenError, UserStore } from '@subsidy/auth';
import { TenantTransactions } from '@subsidy/database';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { AcceptInvitationDto } from '../dto/accept-invitation.dto';
import { InvitationInvalidError } from '../organization-errors';
import { applicantActor, auditAs } from '../audit-as';
import { OrganizationsService } from '../organizations.service';
import { InvitationStore } from './invitation-store';

export interface IssuedInvitation {
  id: string;
  organizationId: string;
  email: string;
  /** Returned once, here: there is no mailer yet, so the inviter passes it on. Only its hash is stored. */
  token: string;
  expiresAt: string;
}

@Injectable()
export class InvitationsService {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly tenants: TenantDirectory,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditLog,
  ) {}

  invite(actor: Actor, organizationId: string, email: string): Promise<IssuedInvitation> {
    const tenantId = RequestContextStore.requireTenantId();
    return this.transactions.run(async (manager) => {
      await this.organizations.loadInScope(manager, actor, organizationId);
      const token = newOpaqueToken();
      const stored = await InvitationStore.insert(manager, { tenantId, organizationId, email, tokenHash: hashToken(token), invitedBy: actor.id });
      await this.audit.record(manager, {
        action: 'organization.invitation_created',
        entityType: 'organization',
        entityId: organizationId,
        data: { invitationId: stored.id, email },
      });
      return { id: stored.id, organizationId, email, token, expiresAt: stored.expiresAt.toISOString() };
    });
  }

  /** Creates the invited applicant, bound to the inviting organization; the token is spent in the same transaction. */
  async accept(input: AcceptInvitationDto): Promise<UserRecord> {
    const tenant = await this.tenants.find(input.tenant);
    if (!tenant) throw new UnknownTenantError(input.tenant, [{ path: 'tenant', message: 'no such tenant' }]);
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.transactions.runFor(tenant.id, async (manager) => {
        const invitation = await InvitationStore.findForUpdate(manager, hashToken(input.token));
        if (!invitation) throw new InvitationInvalidError('unknown token');
        if (invitation.accepted_at) throw new InvitationInvalidError('it was already used');
        if (invitation.expires_at.getTime() <= Date.now()) throw new InvitationInvalidError('it has expired; ask for a new one');
        if (await UserStore.usernameExists(manager, input.username)) throw new UsernameTakenError('username');
        const user = await UserStore.insert(manager, tenant.id, {
          username: input.username,
          displayName: input.displayName,
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
      if (isUniqueViolation(error, 'users_tenant_id_username_key')) throw new UsernameTakenError('username');
      throw error;
    }
  }
}
