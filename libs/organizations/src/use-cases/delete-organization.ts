import { Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { OrganizationHasUsersError, OrganizationInUseError } from '../organization-errors';
import { OrganizationStore } from '../organization-record';
import { loadOrganizationInScope } from '../organization-scope';

export interface DeleteOrganizationCommand {
  actor: Actor;
  organizationId: string;
}

/**
 * Removes an organization together with its pending invitations. One that still has user accounts is refused
 * (organization_has_users): those accounts are bound to it and would be left without an organization. One that
 * anything else refers to (an application, a payee account, a fund-use report) is refused too (organization_in_use).
 */
@Injectable()
export class DeleteOrganization {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
  ) {}

  execute({ actor, organizationId }: DeleteOrganizationCommand): Promise<void> {
    return this.transactions.run(async (manager) => {
      const organization = await loadOrganizationInScope(manager, actor, organizationId, true);
      const users = await OrganizationStore.countUsers(manager, organizationId);
      if (users > 0) throw new OrganizationHasUsersError(users);
      try {
        await OrganizationStore.delete(manager, organizationId);
      } catch (error) {
        // Any row that references the organization (foreign key violation, 23503) is a record that must stay.
        if ((error as { driverError?: { code?: string } }).driverError?.code === '23503') throw new OrganizationInUseError();
        throw error;
      }
      // The row is gone; the audit record is what remains of which organization it was.
      await this.audit.record(manager, {
        action: 'organization.deleted',
        entityType: 'organization',
        entityId: organizationId,
        data: { uscc: organization.uscc, name: organization.name },
      });
    });
  }
}
