import { Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { OrganizationRecord, OrganizationStore } from '../organization-record';
import { loadOrganizationInScope } from '../organization-scope';

export interface RenameOrganizationCommand {
  actor: Actor;
  organizationId: string;
  name: string;
}

/**
 * The only change an organization allows: its name. The code, kind and district are facts of the registration.
 * The audit record keeps the old and new names, since the row itself keeps only the latest.
 */
@Injectable()
export class RenameOrganization {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
  ) {}

  execute({ actor, organizationId, name }: RenameOrganizationCommand): Promise<OrganizationRecord> {
    return this.transactions.run(async (manager) => {
      const before = await loadOrganizationInScope(manager, actor, organizationId, true);
      await OrganizationStore.rename(manager, organizationId, name);
      const after = { ...before, name };
      await this.audit.record(manager, {
        action: 'organization.renamed',
        entityType: 'organization',
        entityId: organizationId,
        data: { from: before.name, to: after.name },
      });
      return after;
    });
  }
}
