import { Logger } from '@nestjs/common';
import { Clock, SystemClock } from '@subsidy/calendar';
import { AppConfig } from '@subsidy/config';
import { poolConfig } from '@subsidy/database';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Pool, PoolClient } from 'pg';
import { outboxJobOptions, queueOptions } from './bullmq-options';
import { QUEUE_NAMES, queueDefinition } from './queue-catalogue';
import { closeRedisConnection, createRedisConnection } from './redis-connection';

export interface OutboxRelayOptions {
  /** How often to look for due rows; defaults to config.outbox.pollMs. */
  pollMs?: number;
  /**
   * A row handed to BullMQ but still not completed after this long is handed over again. BullMQ ignores the re-add
   * while the job exists (same job id), and re-creates it when Redis lost it. Defaults to 20 polls.
   */
  recheckMs?: number;
  /** Rows per transaction. */
  batchSize?: number;
  /** Decides when a row is due (`run_at`); a test moves a manual clock instead of waiting. Defaults to the system clock. */
  clock?: Clock;
}

interface DueRow {
  tenant_id: string;
  id: string;
  queue: string;
  job_name: string;
  payload: Record<string, unknown>;
}

/**
 * Moves due outbox rows into BullMQ. PostgreSQL is the truth: a row stays pending until the job's own transaction
 * marks it completed, so nothing is lost when Redis loses its data or the relay stops; delays live in `run_at` and
 * survive both. Connects as the relay role, which may read every tenant's outbox rows and stamp them, nothing more.
 * Rows are claimed with FOR UPDATE SKIP LOCKED, so several relays share the work without handing a row over twice
 * at the same time (and if they did, the job id dedupes it).
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly pool: Pool;
  private readonly connection: Redis;
  private readonly queues = new Map<string, Queue>();
  private readonly pollMs: number;
  private readonly recheckMs: number;
  private readonly batchSize: number;
  private readonly clock: Clock;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private closed = false;

  constructor(config: AppConfig, options: OutboxRelayOptions = {}) {
    this.pollMs = options.pollMs ?? config.outbox.pollMs;
    this.recheckMs = options.recheckMs ?? this.pollMs * 20;
    this.batchSize = options.batchSize ?? 200;
    this.clock = options.clock ?? new SystemClock();
    this.pool = new Pool({ ...poolConfig(config, 'relay'), max: 2 });
    this.pool.on('error', (error) => this.logger.error(`Relay database connection failed: ${error.message}`));
    this.connection = createRedisConnection(config, 'relay');
    this.connection.on('error', (error: Error) => this.logger.error(`Relay Redis connection failed: ${error.message}`));
    for (const name of QUEUE_NAMES) {
      const queue = new Queue(name, queueOptions(config, this.connection));
      queue.on('error', (error: Error) => this.logger.error(`Queue ${name}: ${error.message}`));
      this.queues.set(name, queue);
    }
  }

  /** Starts polling; the first poll runs immediately. */
  start(): void {
    if (this.closed) throw new Error('A stopped outbox relay cannot be restarted; create a new one');
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops polling, waits for a poll in progress, and closes every connection. */
  async stop(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    await closeRedisConnection(this.connection);
    await this.pool.end();
  }

  /** Hands every due row to BullMQ; returns how many rows were handed over. */
  async pollOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const handed = await this.relayBatch();
      total += handed;
      if (handed < this.batchSize || this.stopped) return total;
    }
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pollOnce()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.error(`Outbox relay poll failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => {
          this.running = undefined;
          this.schedule(this.pollMs);
        });
    }, delay);
  }

  private async relayBatch(): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const { rows } = await client.query<DueRow>(
        `select tenant_id, id, queue, job_name, payload
           from outbox
          where completed_at is null and failed_at is null and run_at <= $3
            and (enqueued_at is null or enqueued_at <= now() - make_interval(secs => $1::double precision / 1000))
          order by run_at
          limit $2
          for update skip locked`,
        [this.recheckMs, this.batchSize, this.clock.now()],
      );
      const handed = await this.handOver(client, rows);
      if (handed.length > 0) {
        await client.query(
          `update outbox set enqueued_at = now(), enqueue_count = enqueue_count + 1
            where (tenant_id, id) in (select * from unnest($1::text[], $2::uuid[]))`,
          [handed.map((r) => r.tenant_id), handed.map((r) => r.id)],
        );
      }
      await client.query('commit');
      return rows.length;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Adds each row's job, one round trip per queue (BullMQ skips a job id it still has); dead-letters rows no queue can
   * route. Returns the rows handed over.
   */
  private async handOver(client: PoolClient, rows: DueRow[]): Promise<DueRow[]> {
    const byQueue = new Map<string, DueRow[]>();
    for (const row of rows) {
      const definition = queueDefinition(row.queue);
      if (!definition || !Object.prototype.hasOwnProperty.call(definition.jobs, row.job_name)) {
        const reason = `${row.queue}/${row.job_name} is not in the queue catalogue`;
        this.logger.error(`Outbox row ${row.id} (tenant ${row.tenant_id}) dead-lettered: ${reason}`);
        await client.query(`update outbox set failed_at = now(), last_error = $3 where tenant_id = $1 and id = $2`, [row.tenant_id, row.id, reason]);
        continue;
      }
      byQueue.set(row.queue, [...(byQueue.get(row.queue) ?? []), row]);
    }
    for (const [name, queued] of byQueue) {
      const definition = queueDefinition(name)!;
      await this.queues.get(name)!.addBulk(queued.map((row) => ({ name: row.job_name, data: row.payload, opts: outboxJobOptions(definition, row.id) })));
    }
    return [...byQueue.values()].flat();
  }
}
