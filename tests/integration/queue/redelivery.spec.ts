import { TestingModule } from '@nestjs/testing';
import { MaintenanceJobsModule, OutboxJobRunner, outboxJobOptions, QUEUES } from '@subsidy/queue';
import { Job } from 'bullmq';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { createTenant, deleteRedisKeys, effectsByOutboxId, enqueueVerify, fastConfig, openQueue, startWorker, waitFor } from './queue-fixture';

describe('a job delivered twice has one effect', () => {
  let db: TestDatabase;
  let su: Client;
  // Workers run, the relay does not: this file hands jobs to BullMQ itself, as a relay (or a stalled-job recovery) would.
  let worker: TestingModule;
  let queue: ReturnType<typeof openQueue>;

  beforeAll(async () => {
    db = await createTestDatabase();
    su = await db.superuser();
    await createTenant(su, 'alpha');
    worker = await startWorker(fastConfig(db.config), [MaintenanceJobsModule], false);
    queue = openQueue(db.config, 'maintenance');
  });
  afterAll(async () => {
    await queue.close();
    await worker.close();
    await deleteRedisKeys(db.config);
    await su.end();
    await db.drop();
  });

  async function deliver(outboxId: string): Promise<Job> {
    await queue.queue.add('audit.verify-chain', { tenantId: 'alpha' }, outboxJobOptions(QUEUES.maintenance, outboxId));
    return waitFor(`job ${outboxId} finished`, async () => {
      const job = await queue.queue.getJob(outboxId);
      return job && (await job.getState()) === 'completed' ? job : undefined;
    });
  }

  it('skips a second delivery through BullMQ after the first one committed', async () => {
    const [id] = await enqueueVerify(worker, 'alpha', 1);
    const first = await deliver(id);
    expect(first.returnvalue).toBe('completed');
    // BullMQ would ignore the same job id while it keeps the completed job, so remove it, then deliver again.
    await first.remove();
    const second = await deliver(id);
    expect(second.returnvalue).toBe('already-completed');
    expect((await effectsByOutboxId(su, 'alpha')).get(id)).toBe(1);
  });

  it('runs the effect once when two deliveries race (the outbox row lock serialises them)', async () => {
    const [id] = await enqueueVerify(worker, 'alpha', 1);
    const runner = worker.get(OutboxJobRunner);
    const delivery = { id, name: 'audit.verify-chain', data: { tenantId: 'alpha' }, attemptsMade: 0, opts: { attempts: 5 } };
    const outcomes = await Promise.all([runner.run('maintenance', delivery), runner.run('maintenance', { ...delivery })]);
    expect(outcomes.sort()).toEqual(['already-completed', 'completed']);
    expect((await effectsByOutboxId(su, 'alpha')).get(id)).toBe(1);
    const { rows } = await su.query(`select completed_at is not null as done from outbox where id = $1`, [id]);
    expect(rows[0].done).toBe(true);
  });

  it('refuses a job that did not come from the outbox, without retrying it', async () => {
    const runner = worker.get(OutboxJobRunner);
    const stranger = { id: '00000000-0000-4000-8000-000000000000', name: 'audit.verify-chain', data: { tenantId: 'alpha' }, attemptsMade: 0, opts: { attempts: 5 } };
    await expect(runner.run('maintenance', stranger)).rejects.toThrow(`Outbox row ${stranger.id} of tenant alpha does not exist`);
    await expect(runner.run('maintenance', { ...stranger, data: {} })).rejects.toThrow(/has no outbox id or tenantId/);
  });
});
