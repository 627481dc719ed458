import { MigrationInterface, QueryRunner } from 'typeorm';
import { roleNames } from './sql';

/**
 * What the queue layer needs beyond the foundation's outbox table:
 * - `dedupe_key`: enqueueing the same logical job twice in one tenant (a retried request, a re-run command) keeps one row;
 * - `failed_at` / `last_error`: a job that exhausted its retries, or a row no queue can route, is dead-lettered here so
 *   the relay stops re-adding it and an operator can see why (clearing failed_at re-arms it).
 */
export class Queue1763900002000 implements MigrationInterface {
  name = 'Queue1763900002000';

  async up(q: QueryRunner): Promise<void> {
    const { relay } = roleNames();
    const statements = [
      `ALTER TABLE outbox ADD COLUMN dedupe_key text`,
      `ALTER TABLE outbox ADD COLUMN failed_at timestamptz`,
      `ALTER TABLE outbox ADD COLUMN last_error text`,
      `CREATE UNIQUE INDEX outbox_dedupe ON outbox (tenant_id, dedupe_key) WHERE dedupe_key IS NOT NULL`,
      `DROP INDEX outbox_pending`,
      `CREATE INDEX outbox_pending ON outbox (run_at) WHERE completed_at IS NULL AND failed_at IS NULL`,
      // The relay may dead-letter a row it cannot route (unknown queue or job name); it still cannot complete or edit one.
      `GRANT UPDATE (failed_at, last_error) ON outbox TO ${relay}`,
    ];
    for (const statement of statements) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    const { relay } = roleNames();
    await q.query(`REVOKE UPDATE (failed_at, last_error) ON outbox FROM ${relay}`);
    await q.query(`DROP INDEX outbox_pending`);
    await q.query(`DROP INDEX outbox_dedupe`);
    await q.query(`ALTER TABLE outbox DROP COLUMN last_error, DROP COLUMN failed_at, DROP COLUMN dedupe_key`);
    await q.query(`CREATE INDEX outbox_pending ON outbox (run_at) WHERE completed_at IS NULL`);
  }
}
