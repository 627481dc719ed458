import { Injectable } from '@nestjs/common';
import { Scope } from '@subsidy/auth';
import { Paged } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { loadOrganizationInScope } from '../organization-scope';
import { RegistrationListItem, RegistrationStatus, RegistrationStore, RegistrationView } from './registration-store';

/** Reads of registrations: one organization's (anyone who may see the organization), or a reviewer's work list. */
@Injectable()
export class RegistrationQueries {
  constructor(private readonly transactions: TenantTransactions) {}

  get(actor: Actor, organizationId: string): Promise<RegistrationView> {
    return this.transactions.run(async (manager) => {
      await loadOrganizationInScope(manager, actor, organizationId);
      return (await RegistrationStore.get(manager, organizationId))!;
    });
  }

  /** A district reviewer sees their district's registrations only. */
  list(actor: Actor, status: RegistrationStatus): Promise<RegistrationListItem[]> {
    const district = Scope.districtFilter(actor);
    return this.transactions.run((manager) => RegistrationStore.list(manager, status, district));
  }

  page(actor: Actor, status: RegistrationStatus, filter: { q?: string; orderBy: string; limit: number; offset: number }): Promise<Paged<RegistrationListItem>> {
    const district = Scope.districtFilter(actor);
    return this.transactions.run((manager) => RegistrationStore.page(manager, status, district, filter));
  }
}
