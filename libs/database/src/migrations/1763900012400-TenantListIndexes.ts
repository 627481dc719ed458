import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the scale measurement of issue 15 found missing, each leading with `tenant_id` so that a tenant's list costs
 * the same with one tenant or a thousand (and the index stays usable per shard once `tenant_id` distributes the table).
 *
 * - `applications (tenant_id, created_at, id)`: the application list's default order is `a.created_at, a.id`
 *   (APPLICATION_SORT); without it every page sorted the tenant's whole set (5.4× slower over 1,000 tenants).
 * - `users (tenant_id, role, username, id)`: "the active officers of a role" (notifications, reviewers to pick,
 *   four-eyes reviewers) scanned the tenant's users inside the submission's transaction; the user list filtered by
 *   role orders by username, id (USER_SORT's default), which the same index returns in order.
 *
 * The row-level security qual `tenant_id = current_setting('app.tenant_id', true)` is stable, so the planner uses it as
 * the leading index condition; the queries need not repeat the tenant.
 */
export class TenantListIndexes1763900012400 implements MigrationInterface {
  name = 'TenantListIndexes1763900012400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX applications_by_created ON applications (tenant_id, created_at, id)`);
    await q.query(`CREATE INDEX users_by_role ON users (tenant_id, role, username, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS users_by_role`);
    await q.query(`DROP INDEX IF EXISTS applications_by_created`);
  }
}
