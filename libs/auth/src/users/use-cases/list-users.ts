import { Injectable } from '@nestjs/common';
import { Paged } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { ListedUser, UserRecord } from '../user-record';
import { UserStore } from '../user-store';

/** Every account of the acting tenant, by username. */
@Injectable()
export class ListUsers {
  constructor(private readonly transactions: TenantTransactions) {}

  execute(): Promise<UserRecord[]> {
    return this.transactions.run((manager) => UserStore.list(manager));
  }

  page(filter: Parameters<typeof UserStore.page>[1]): Promise<Paged<ListedUser>> {
    return this.transactions.run((manager) => UserStore.page(manager, filter));
  }
}
