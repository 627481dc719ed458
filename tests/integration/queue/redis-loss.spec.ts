import { TestingModule } from '@nestjs/testing';
import { MaintenanceJobsModule, OutboxRelay } from '@subsidy/queue';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { compileWorker, createTenant, deleteRedisKeys, effectsByOutboxId, enqueueVerify, fastConfig, openQueue, startWorker, waitFor } from './queue-fixture';

const JOBS = 12;

describe('losing every Redis key while jobs are pending', () => {
  let db: TestDatabase;
  let su: Client;
  let enqueuer: TestingModule;
  let worker: TestingModule | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    su = await db.superuser();
    await createTenant(su, 'alpha');
    enqueuer = await compileWorker(db.config, [], false);
  });
  afterAll(async () => {
    await worker?.close();
    await enqueuer.close();
    await deleteRedisKeys(db.config);
    await su.end();
    await db.drop();
  });

  it('runs every job exactly once after the relay hands them over again', async () => {
    const config = fastConfig(db.config);
    const ids = await enqueueVerify(enqueuer, 'alpha', JOBS);

    // The relay hands the jobs to BullMQ while no worker runs, so they sit in Redis waiting.
    const relay = new OutboxRelay(config, { recheckMs: 300 });
    expect(await relay.pollOnce()).toBe(JOBS);
    await relay.stop();
    const { queue, close } = openQueue(config, 'maintenance');
    try {
      expect(await queue.getWaitingCount()).toBe(JOBS);
      expect(await deleteRedisKeys(config)).toBeGreaterThan(0);
      expect(await queue.getJobCounts('waiting', 'active', 'completed')).toEqual({ waiting: 0, active: 0, completed: 0 });
    } finally {
      await close();
    }
    const stamped = await su.query(`select count(*)::int as n from outbox where enqueue_count = 1 and completed_at is null`);
    expect(stamped.rows[0].n).toBe(JOBS);

    // A worker with its own relay starts: the rows are still pending in PostgreSQL, so they are handed over again.
    worker = await startWorker(config, [MaintenanceJobsModule], { recheckMs: 300 });
    await waitFor('every outbox row completed', async () => {
      const { rows } = await su.query(`select count(*)::int as n from outbox where completed_at is null`);
      return rows[0].n === 0;
    });

    const effects = await effectsByOutboxId(su, 'alpha');
    expect([...effects.keys()].sort()).toEqual([...ids].sort());
    expect([...effects.values()].every((n) => n === 1)).toBe(true);
    const rows = (await su.query(`select enqueue_count from outbox where tenant_id = 'alpha'`)).rows as Array<{ enqueue_count: number }>;
    expect(rows.every((r) => r.enqueue_count >= 2)).toBe(true);
  }, 60_000);
});
