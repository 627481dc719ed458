import { EntityManager } from 'typeorm';

/** Districts of the tenant in the current TenantTransactions run. */
export const DistrictStore = {
  async exists(manager: EntityManager, code: string): Promise<boolean> {
    const rows = (await manager.query(`select 1 from districts where code = $1`, [code])) as unknown[];
    return rows.length > 0;
  },
};
