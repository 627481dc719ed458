import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@subsidy/database';
import { UserRecord } from '../user-record';
import { UserStore } from '../user-store';

/** Every account of the acting tenant, by username. */
@Injectable()
export class ListUsers {
  constructor(private readonly transactions: TenantTransactions) {}

  execute(): Promise<UserRecord[]> {
    return this.transactions.run((manager) => UserStore.list(manager));
  }
}
