import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@subsidy/config';
import { poolConfig } from '@subsidy/database';
import Redis from 'ioredis';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';

export interface CheckResult {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  checks: {
    database: CheckResult;
    redis: CheckResult;
    outbox: CheckResult & { pending?: number; oldestPendingSeconds?: number };
  };
}

/** Outbox rows due for longer than this mean the relay or the worker is not keeping up. */
const OUTBOX_LAG_LIMIT_SECONDS = 300;

async function timed<T>(work: () => Promise<T>): Promise<{ result?: T; check: CheckResult }> {
  const started = process.hrtime.bigint();
  const elapsed = () => Number((process.hrtime.bigint() - started) / 1_000_000n);
  try {
    const result = await work();
    return { result, check: { status: 'up', latencyMs: elapsed() } };
  } catch (error) {
    return { check: { status: 'down', latencyMs: elapsed(), error: error instanceof Error ? error.message : String(error) } };
  }
}

@Injectable()
export class HealthService implements OnModuleDestroy {
  private readonly redis: Redis;
  /** The relay role is the only one allowed to see every tenant's outbox, which is what lag needs. */
  private readonly relayPool: Pool;

  constructor(private readonly dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.redis = new Redis(config.redis.url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    this.relayPool = new Pool({ ...poolConfig(config, 'relay'), max: 1 });
  }

  async check(): Promise<HealthReport> {
    const database = await timed(() => this.dataSource.query('select 1'));
    const redis = await timed(async () => {
      if (this.redis.status === 'wait') await this.redis.connect();
      return this.redis.ping();
    });
    const outbox = await timed(async () => {
      const { rows } = await this.relayPool.query<{ pending: number; oldest: number | null }>(
        `select count(*)::int as pending, floor(extract(epoch from now() - min(run_at)))::int as oldest
           from outbox where completed_at is null and run_at <= now()`,
      );
      return rows[0];
    });
    const lag = outbox.result?.oldest ?? 0;
    const outboxCheck = {
      ...outbox.check,
      ...(outbox.result ? { pending: outbox.result.pending, oldestPendingSeconds: lag } : {}),
      ...(lag > OUTBOX_LAG_LIMIT_SECONDS ? { status: 'down' as const, error: `oldest pending job waits ${lag}s` } : {}),
    };
    const checks = { database: database.check, redis: redis.check, outbox: outboxCheck };
    const ok = Object.values(checks).every((c) => c.status === 'up');
    return { status: ok ? 'ok' : 'degraded', checks };
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
    await this.relayPool.end();
  }
}
