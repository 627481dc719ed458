import { Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { hashToken, newOpaqueToken } from '@subsidy/auth';
import { TenantTransactions } from '@subsidy/database';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { InvitationStore } from '../invitations/invitation-store';
import { loadOrganizationInScope } from '../organization-scope';

export interface InviteColleagueCommand {
  actor: Actor;
  organizationId: string;
  email: string;
}

export interface IssuedInvitation {
  id: string;
  organizationId: string;
  email: string;
  /** Returned once, here: there is no mailer yet, so the inviter passes it on. Only its hash is stored. */
  token: string;
  expiresAt: string;
}

/** An applicant invites a colleague into their own organization with a one-time token, valid INVITATION_TTL_DAYS. */
@Injectable()
export class InviteColleague {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
  ) {}

  execute({ actor, organizationId, email }: InviteColleagueCommand): Promise<IssuedInvitation> {
    const tenantId = RequestContextStore.requireTenantId();
    return this.transactions.run(async (manager) => {
      // Same scope rule as reading it: an applicant can only invite into the organization they belong to.
      await loadOrganizationInScope(manager, actor, organizationId);
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
}
