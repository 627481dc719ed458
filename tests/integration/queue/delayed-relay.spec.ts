import { TestingModule } from '@nestjs/testing';
import { OutboxRelay } from '@subsidy/queue';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { compileWorker, createTenant, deleteRedisKeys, enqueueVerify, fastConfig, openQueue, waitFor } from './queue-fixture';

describe('the outbox relay', () => {
  let db: TestDatabase;
  let su: Client;
  let enqueuer: TestingModule;
  let queue: ReturnType<typeof openQueue>;
  const relays: OutboxRelay[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    su = await db.superuser();
    await createTenant(su, 'alpha');
    await createTenant(su, 'beta');
    enqueuer = await compileWorker(db.config, [], false);
    queue = openQueue(db.config, 'maintenance');
  });
  afterAll(async () => {
    await Promise.all(relays.map((relay) => relay.stop()));
    await queue.close();
    await enqueuer.close();
    await deleteRedisKeys(db.config);
    await su.end();
    await db.drop();
  });

  const startRelay = (): OutboxRelay => {
    const relay = new OutboxRelay(fastConfig(db.config), { recheckMs: 60_000 });
    relays.push(relay);
    relay.start();
    return relay;
  };
  const outboxRow = async (id: string) =>
    (await su.query(`select enqueued_at, enqueue_count, run_at, failed_at, last_error from outbox where id = $1`, [id])).rows[0] as {
      enqueued_at: Date | null;
      enqueue_count: number;
      run_at: Date;
      failed_at: Date | null;
      last_error: string | null;
    };

  it('hands a delayed job to BullMQ only when it is due, across a relay restart and the loss of Redis', async () => {
    const runAt = new Date(Date.now() + 2_500);
    const [id] = await enqueueVerify(enqueuer, 'alpha', 1, runAt);
    const first = startRelay();
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await queue.queue.getJob(id)).toBeUndefined();
    expect((await outboxRow(id)).enqueued_at).toBeNull();

    await first.stop();
    // Nothing about the delay lives in Redis: losing it changes nothing.
    await deleteRedisKeys(db.config);
    const second = startRelay();
    const job = await waitFor('the delayed job in BullMQ', () => queue.queue.getJob(id), 10_000);
    await second.stop();
    const row = await outboxRow(id);
    expect(job.name).toBe('audit.verify-chain');
    expect(job.data).toEqual({ tenantId: 'alpha' });
    expect(job.opts.attempts).toBe(5);
    expect(row.enqueue_count).toBe(1);
    expect(row.enqueued_at!.getTime()).toBeGreaterThanOrEqual(row.run_at.getTime());
  }, 20_000);

  it("reads every tenant's rows as the relay role, and leaves rows already handed over alone until the recheck", async () => {
    const [a] = await enqueueVerify(enqueuer, 'alpha', 1);
    const [b] = await enqueueVerify(enqueuer, 'beta', 1);
    const relay = new OutboxRelay(fastConfig(db.config), { recheckMs: 60_000 });
    relays.push(relay);
    expect(await relay.pollOnce()).toBe(2);
    expect(await relay.pollOnce()).toBe(0);
    expect((await queue.queue.getJob(a))?.data).toEqual({ tenantId: 'alpha' });
    expect((await queue.queue.getJob(b))?.data).toEqual({ tenantId: 'beta' });
  });

  it('hands a row over again after the recheck interval without duplicating a job BullMQ still has', async () => {
    await deleteRedisKeys(db.config);
    const [id] = await enqueueVerify(enqueuer, 'alpha', 1);
    const relay = new OutboxRelay(fastConfig(db.config), { recheckMs: 0 });
    relays.push(relay);
    expect(await relay.pollOnce()).toBeGreaterThanOrEqual(1);
    const job = await queue.queue.getJob(id);
    expect(await relay.pollOnce()).toBeGreaterThanOrEqual(1);
    expect((await outboxRow(id)).enqueue_count).toBe(2);
    const again = await queue.queue.getJob(id);
    expect(again?.timestamp).toBe(job?.timestamp);
    expect((await queue.queue.getJobs(['waiting'])).filter((j) => j.id === id)).toHaveLength(1);
  });

  it('lets two relays share the rows without handing one over twice', async () => {
    const ids = [...(await enqueueVerify(enqueuer, 'alpha', 30)), ...(await enqueueVerify(enqueuer, 'beta', 30))];
    const one = new OutboxRelay(fastConfig(db.config), { recheckMs: 60_000, batchSize: 5 });
    const two = new OutboxRelay(fastConfig(db.config), { recheckMs: 60_000, batchSize: 5 });
    relays.push(one, two);
    const [x, y] = await Promise.all([one.pollOnce(), two.pollOnce()]);
    expect(x + y).toBe(ids.length);
    const { rows } = await su.query(`select enqueue_count, count(*)::int as n from outbox where id = any($1::uuid[]) group by 1`, [ids]);
    expect(rows).toEqual([{ enqueue_count: 1, n: ids.length }]);
  });

  it('dead-letters a row whose job is not in the catalogue instead of retrying it forever', async () => {
    await su.query('begin');
    await su.query(`select set_config('app.tenant_id', 'alpha', true)`);
    const { rows } = await su.query(`insert into outbox (tenant_id, queue, job_name, payload) values ('alpha', 'maintenance', 'retired.job', '{"tenantId":"alpha"}') returning id`);
    await su.query('commit');
    const id = rows[0].id as string;
    const relay = new OutboxRelay(fastConfig(db.config), { recheckMs: 60_000 });
    relays.push(relay);
    await relay.pollOnce();
    const row = await outboxRow(id);
    expect(row.failed_at).not.toBeNull();
    expect(row.last_error).toBe('maintenance/retired.job is not in the queue catalogue');
    expect(row.enqueued_at).toBeNull();
    expect(await queue.queue.getJob(id)).toBeUndefined();
  });

  it('cannot complete a row or change its payload: the relay role may only stamp it', async () => {
    const relayClient = new Client({ host: db.config.database.host, port: db.config.database.port, database: db.name, user: db.config.database.relay.user, password: db.config.database.relay.password || undefined });
    await relayClient.connect();
    try {
      await expect(relayClient.query(`update outbox set completed_at = now()`)).rejects.toThrow(/permission denied/);
      await expect(relayClient.query(`update outbox set payload = '{}'`)).rejects.toThrow(/permission denied/);
      await expect(relayClient.query(`delete from outbox`)).rejects.toThrow(/permission denied/);
    } finally {
      await relayClient.end();
    }
  });
});
