import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { OrganizationRecord } from '../organization-record';
import { loadOrganizationInScope } from '../organization-scope';

export interface GetOrganizationCommand {
  actor: Actor;
  organizationId: string;
}

/** One organization, if the actor may see it (applicants: their own; district-bound staff: their district's). */
@Injectable()
export class GetOrganization {
  constructor(private readonly transactions: TenantTransactions) {}

  execute({ actor, organizationId }: GetOrganizationCommand): Promise<OrganizationRecord> {
    return this.transactions.run((manager) => loadOrganizationInScope(manager, actor, organizationId));
  }
}
