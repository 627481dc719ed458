import { Injectable } from '@nestjs/common';
import { Scope } from '@subsidy/auth';
import { Paged } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { RenameRequest, RenameRequestStatus, RenameRequestStore } from './rename-request-record';

/** Rename requests in a status (default pending), oldest first: every organization's for officers, an applicant its own. */
@Injectable()
export class ListRenameRequests {
  constructor(private readonly transactions: TenantTransactions) {}

  execute(actor: Actor, status: RenameRequestStatus | 'all'): Promise<RenameRequest[]> {
    const scope = Scope.of(actor);
    const organizationId = scope.kind === 'organization' ? scope.organizationId : null;
    return this.transactions.run((manager) => RenameRequestStore.list(manager, { status: status === 'all' ? null : status, organizationId }));
  }

  page(actor: Actor, status: RenameRequestStatus | 'all', filter: { q?: string; orderBy: string; limit: number; offset: number }): Promise<Paged<RenameRequest>> {
    const scope = Scope.of(actor);
    const organizationId = scope.kind === 'organization' ? scope.organizationId : null;
    return this.transactions.run((manager) => RenameRequestStore.page(manager, { status: status === 'all' ? null : status, organizationId, ...filter }));
  }
}
