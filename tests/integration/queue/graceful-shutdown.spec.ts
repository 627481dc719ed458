import { Module } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { JobContext, JobHandler, QueueJobHandler, VerifyAuditChainHandler, VerifyAuditChainPayload } from '@subsidy/queue';
import { Client } from 'pg';
import { EntityManager } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { createTenant, deleteRedisKeys, effectsByOutboxId, enqueueVerify, fastConfig, startWorker, waitFor } from './queue-fixture';

let started = false;

/** The real job, slowed down so the worker is shut down while it runs. */
@JobHandler('maintenance', 'audit.verify-chain')
class SlowVerifyHandler implements QueueJobHandler<'maintenance', 'audit.verify-chain'> {
  private readonly real: VerifyAuditChainHandler;

  constructor(auditLog: AuditLog) {
    this.real = new VerifyAuditChainHandler(auditLog);
  }

  async handle(manager: EntityManager, payload: VerifyAuditChainPayload, context: JobContext): Promise<void> {
    started = true;
    await new Promise((resolve) => setTimeout(resolve, 700));
    await this.real.handle(manager, payload, context);
  }
}

@Module({ providers: [SlowVerifyHandler] })
class SlowJobsModule {}

describe('worker shutdown (what SIGTERM triggers in apps/worker)', () => {
  let db: TestDatabase;
  let su: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    su = await db.superuser();
    await createTenant(su, 'alpha');
  });
  afterAll(async () => {
    await deleteRedisKeys(db.config);
    await su.end();
    await db.drop();
  });

  it('lets the running job finish and commit, then closes workers, relay and pools', async () => {
    const worker = await startWorker(fastConfig(db.config), [SlowJobsModule], {});
    const [id] = await enqueueVerify(worker, 'alpha', 1);
    await waitFor('the job to start', async () => started);
    await worker.close();
    const { rows } = await su.query(`select completed_at is not null as done from outbox where id = $1`, [id]);
    expect(rows[0].done).toBe(true);
    expect((await effectsByOutboxId(su, 'alpha')).get(id)).toBe(1);
    // Every connection of the worker is gone (jest would also hang on a leaked one).
    const open = await su.query(`select count(*)::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [db.name]);
    expect(open.rows[0].n).toBe(0);
  });
});
