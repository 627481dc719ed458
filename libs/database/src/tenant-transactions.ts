import { Injectable } from '@nestjs/common';
import { RequestContextStore } from '@subsidy/tenancy';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The only way application code reaches tenant-owned tables: a transaction whose first statement sets
 * `app.tenant_id` (transaction-local) from the AsyncLocalStorage context, so row-level security admits
 * that tenant's rows and nothing else, in HTTP requests and queue workers alike.
 */
@Injectable()
export class TenantTransactions {
  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const tenantId = RequestContextStore.requireTenantId();
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
      return work(manager);
    });
  }

  /** Same, for one explicit tenant (a platform administrator or a job acting on one tenant). */
  async runFor<T>(tenantId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return RequestContextStore.withTenant(tenantId, () => this.run(work));
  }
}
