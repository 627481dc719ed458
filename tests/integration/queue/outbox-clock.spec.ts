import { TestingModule } from '@nestjs/testing';
import { ManualClock } from '@subsidy/calendar';
import { ClockModule } from '@subsidy/common';
import { OutboxRelay } from '@subsidy/queue';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { compileWorker, createTenant, deleteRedisKeys, enqueueVerify, fastConfig, openQueue } from './queue-fixture';

/**
 * A job enqueued without runAt is due "now" by the application's clock, the clock the relay judges run_at by. With the
 * database's now() instead, a clock behind it (a scenario's manual clock in 2022, a host whose clock lags the
 * database's) would leave the job never due: a released payment batch whose lines the worker never instructs.
 */
describe('Outbox.enqueue without runAt: due now by the application clock', () => {
  let db: TestDatabase;
  let su: Client;
  let enqueuer: TestingModule;
  let queue: ReturnType<typeof openQueue>;
  const clock = new ManualClock(new Date('2022-05-10T10:00:00+08:00'));
  const relays: OutboxRelay[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    su = await db.superuser();
    await createTenant(su, 'alpha');
    enqueuer = await compileWorker(db.config, [ClockModule.forRoot(clock)], false);
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

  it("stores the clock's now as run_at, and a relay on the same clock hands the job over at once", async () => {
    const [id] = await enqueueVerify(enqueuer, 'alpha', 1);
    const { rows } = await su.query<{ run_at: Date }>(`select run_at from outbox where id = $1`, [id]);
    expect(rows[0].run_at.toISOString()).toBe(clock.now().toISOString());
    const relay = new OutboxRelay(fastConfig(db.config), { recheckMs: 60_000, clock });
    relays.push(relay);
    expect(await relay.pollOnce()).toBe(1);
    expect((await queue.queue.getJob(id))?.data).toEqual({ tenantId: 'alpha' });
  });

  it('keeps an explicit runAt, which the relay leaves until the clock reaches it', async () => {
    const later = new Date('2022-05-10T12:00:00+08:00');
    const [id] = await enqueueVerify(enqueuer, 'alpha', 1, later);
    const relay = new OutboxRelay(fastConfig(db.config), { recheckMs: 60_000, clock });
    relays.push(relay);
    expect(await relay.pollOnce()).toBe(0);
    clock.set(new Date('2022-05-10T12:00:01+08:00'));
    expect(await relay.pollOnce()).toBe(1);
    expect((await queue.queue.getJob(id))?.data).toEqual({ tenantId: 'alpha' });
  });
});
