import { Injectable } from '@nestjs/common';
import { Scope } from '@subsidy/auth';
import { Paged } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { OrganizationRecord, OrganizationStore } from '../organization-record';

export interface ListOrganizationsCommand {
  actor: Actor;
}

/** Staff list the tenant's organizations; district-bound staff only their own district's. */
@Injectable()
export class ListOrganizations {
  constructor(private readonly transactions: TenantTransactions) {}

  execute({ actor }: ListOrganizationsCommand): Promise<OrganizationRecord[]> {
    const district = Scope.districtFilter(actor);
    return this.transactions.run((manager) => OrganizationStore.list(manager, district));
  }

  page(actor: Actor, filter: Parameters<typeof OrganizationStore.page>[2]): Promise<Paged<OrganizationRecord>> {
    const district = Scope.districtFilter(actor);
    return this.transactions.run((manager) => OrganizationStore.page(manager, district, filter));
  }
}
