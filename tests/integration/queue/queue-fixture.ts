import { DynamicModule, LoggerService, Type } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { AuditModule } from '@subsidy/audit';
import { AppConfig, ConfigModule } from '@subsidy/config';
import { DatabaseModule, TenantTransactions } from '@subsidy/database';
import { closeRedisConnection, createRedisConnection, Outbox, OutboxRelayOptions, queueOptions, QueueName, WorkerModule } from '@subsidy/queue';
import { RequestContextStore, SYSTEM_ACTOR } from '@subsidy/tenancy';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { EntityManager } from 'typeorm';

// Expected failures (retries, dead letters) log errors; keep test output quiet unless LOG_LEVEL asks for logs.
const quiet = !process.env.LOG_LEVEL || process.env.LOG_LEVEL === 'silent';
const silentLogger: LoggerService = { log: () => undefined, error: () => undefined, warn: () => undefined };

/** The test database's configuration with a fast relay, so tests wait tens of milliseconds instead of half a second. */
export function fastConfig(config: AppConfig): AppConfig {
  return { ...config, outbox: { pollMs: 50 } };
}

/**
 * A worker process as apps/worker composes it, dedicated to the maintenance queue (whose job these tests use), with the
 * given handler modules; init() is left to the caller.
 */
export async function compileWorker(
  config: AppConfig,
  handlerModules: Array<Type<unknown> | DynamicModule>,
  relay: OutboxRelayOptions | false,
): Promise<TestingModule> {
  const builder = Test.createTestingModule({
    imports: [ConfigModule.forRoot(config), DatabaseModule, AuditModule, WorkerModule.forRoot({ relay, queues: ['maintenance'] }), ...handlerModules],
  });
  return (quiet ? builder.setLogger(silentLogger) : builder).compile();
}

export async function startWorker(
  config: AppConfig,
  handlerModules: Array<Type<unknown> | DynamicModule>,
  relay: OutboxRelayOptions | false,
): Promise<TestingModule> {
  const worker = await compileWorker(config, handlerModules, relay);
  await worker.init();
  return worker;
}

export async function createTenant(su: Client, id: string): Promise<void> {
  await su.query(`insert into tenants (id, name_zh, name_en, division_code) values ($1, '测试', 'Test', '110000')`, [id]);
}

/** Runs work in a tenant transaction as the system actor, the way a request or job would. */
export function inTenant<T>(worker: TestingModule, tenantId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const transactions = worker.get(TenantTransactions);
  return RequestContextStore.run({ tenantId, actor: SYSTEM_ACTOR }, () => transactions.run(work));
}

export async function enqueueVerify(worker: TestingModule, tenantId: string, count: number, runAt?: Date): Promise<string[]> {
  const outbox = worker.get(Outbox);
  return inTenant(worker, tenantId, async (manager) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) ids.push((await outbox.enqueue(manager, 'maintenance', 'audit.verify-chain', { tenantId }, { runAt })).id);
    return ids;
  });
}

/** A BullMQ handle on one queue, for looking at what the relay handed over; `close` also closes its connection. */
export function openQueue(config: AppConfig, name: QueueName): { queue: Queue; close: () => Promise<void> } {
  const connection = createRedisConnection(config, `test-${name}`);
  const queue = new Queue(name, queueOptions(config, connection));
  return {
    queue,
    close: async () => {
      await queue.close();
      await closeRedisConnection(connection);
    },
  };
}

/** How many `audit.chain-verified` records each outbox id produced (the jobs' effects). */
export async function effectsByOutboxId(su: Client, tenantId: string): Promise<Map<string, number>> {
  const { rows } = await su.query<{ outbox_id: string; n: number }>(
    `select data->>'outboxId' as outbox_id, count(*)::int as n from audit_log
      where tenant_id = $1 and action = 'audit.chain-verified' group by 1`,
    [tenantId],
  );
  return new Map(rows.map((r) => [r.outbox_id, r.n]));
}

export { waitFor } from '../../support/polling';
export { deleteRedisKeys } from '../../support/redis-keys';
