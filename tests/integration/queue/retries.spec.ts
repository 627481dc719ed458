import { Module } from '@nestjs/common';
import { TestingModule } from '@nestjs/testing';
import { AuditLog } from '@subsidy/audit';
import { JobContext, JobHandler, OutboxJobRunner, QueueJobHandler, VerifyAuditChainHandler, VerifyAuditChainPayload } from '@subsidy/queue';
import { Client } from 'pg';
import { EntityManager } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { createTenant, deleteRedisKeys, effectsByOutboxId, enqueueVerify, fastConfig, openQueue, startWorker, waitFor } from './queue-fixture';

/** How each try went, per outbox id, so the test can see the backoff between tries. */
const tries = new Map<string, number[]>();
/** Tries that fail before one succeeds, per tenant. */
const failuresBeforeSuccess = new Map<string, number>();

/**
 * The real verify-chain job behind a fault injector: it writes an audit record and then throws on the first tries,
 * so a retry that leaked its failed tries' writes would show more than one record.
 */
@JobHandler('maintenance', 'audit.verify-chain')
class FlakyVerifyHandler implements QueueJobHandler<'maintenance', 'audit.verify-chain'> {
  private readonly real: VerifyAuditChainHandler;

  constructor(private readonly auditLog: AuditLog) {
    this.real = new VerifyAuditChainHandler(auditLog);
  }

  async handle(manager: EntityManager, payload: VerifyAuditChainPayload, context: JobContext): Promise<void> {
    tries.set(context.outboxId, [...(tries.get(context.outboxId) ?? []), Date.now()]);
    if (context.attempt <= (failuresBeforeSuccess.get(payload.tenantId) ?? 0)) {
      await this.auditLog.record(manager, { action: 'audit.chain-verified', entityType: 'audit_chain', entityId: payload.tenantId, data: { outboxId: context.outboxId } });
      throw new Error(`injected failure on try ${context.attempt}`);
    }
    await this.real.handle(manager, payload, context);
  }
}

@Module({ providers: [FlakyVerifyHandler] })
class FlakyJobsModule {}

describe('retries with backoff', () => {
  let db: TestDatabase;
  let su: Client;
  let worker: TestingModule;
  let queue: ReturnType<typeof openQueue>;

  beforeAll(async () => {
    db = await createTestDatabase();
    su = await db.superuser();
    await createTenant(su, 'flaky');
    await createTenant(su, 'doomed');
    failuresBeforeSuccess.set('flaky', 2);
    failuresBeforeSuccess.set('doomed', Number.POSITIVE_INFINITY);
    worker = await startWorker(fastConfig(db.config), [FlakyJobsModule], { recheckMs: 60_000 });
    queue = openQueue(db.config, 'maintenance');
  });
  afterAll(async () => {
    await queue.close();
    await worker.close();
    await deleteRedisKeys(db.config);
    await su.end();
    await db.drop();
  });

  it('retries a failing job with exponential backoff until it completes, keeping only the successful try’s effect', async () => {
    const [id] = await enqueueVerify(worker, 'flaky', 1);
    await waitFor('the flaky job completed', async () => {
      const { rows } = await su.query(`select completed_at from outbox where id = $1`, [id]);
      return rows[0].completed_at !== null;
    }, 20_000);

    const times = tries.get(id)!;
    expect(times).toHaveLength(3);
    // maintenance: backoff 1000 ms doubling: >= 1 s before try 2, >= 2 s before try 3.
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(1_000);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(2_000);
    const job = await queue.queue.getJob(id);
    expect({ attemptsMade: job?.attemptsMade, state: await job?.getState() }).toEqual({ attemptsMade: 3, state: 'completed' });
    expect((await effectsByOutboxId(su, 'flaky')).get(id)).toBe(1);
  }, 30_000);

  it('dead-letters the outbox row when the last try fails, and still reports the failure', async () => {
    // Due in an hour, so the relay leaves it alone; the last try is delivered directly.
    const [id] = await enqueueVerify(worker, 'doomed', 1, new Date(Date.now() + 3_600_000));
    const runner = worker.get(OutboxJobRunner);
    const lastTry = { id, name: 'audit.verify-chain', data: { tenantId: 'doomed' }, attemptsMade: 4, opts: { attempts: 5 } };
    await expect(runner.run('maintenance', { ...lastTry, attemptsMade: 3 })).rejects.toThrow('injected failure on try 4');
    expect((await su.query(`select failed_at from outbox where id = $1`, [id])).rows[0].failed_at).toBeNull();

    await expect(runner.run('maintenance', lastTry)).rejects.toThrow('injected failure on try 5');
    const { rows } = await su.query(`select failed_at, last_error, completed_at from outbox where id = $1`, [id]);
    expect(rows[0]).toMatchObject({ last_error: 'injected failure on try 5', completed_at: null });
    expect(rows[0].failed_at).not.toBeNull();
    expect((await effectsByOutboxId(su, 'doomed')).size).toBe(0);

    // An operator fixes the cause and retries it (from the dashboard): it completes and leaves the dead letter.
    failuresBeforeSuccess.set('doomed', 0);
    await expect(runner.run('maintenance', lastTry)).resolves.toBe('completed');
    const after = await su.query(`select failed_at, completed_at is not null as done, last_error from outbox where id = $1`, [id]);
    expect(after.rows[0]).toEqual({ failed_at: null, done: true, last_error: 'injected failure on try 5' });
    expect((await effectsByOutboxId(su, 'doomed')).get(id)).toBe(1);
  });
});
