import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import { AppConfig } from '@subsidy/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryResultRow } from 'pg';
import { createApp } from '../../../apps/api/src/create-app';
import { createWorker } from '../../../apps/worker/src/create-worker';
import { asSuperuser } from '../../support/factories';
import { waitFor } from '../../support/polling';
import { deleteRedisKeys } from '../../support/redis-keys';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

export { waitFor };

/** How often the outbox relay polls in these scenarios: short, so worker effects show up within a few hundred ms. */
export const SCENARIO_POLL_MS = 50;

/**
 * One scenario's world: a fresh database, the real API and the real worker sharing one manual clock, evidence stored
 * in a temporary folder. The worker can be stopped and started again to show that jobs live in PostgreSQL.
 */
export class ScenarioHarness {
  private worker: INestApplicationContext | undefined;

  private constructor(
    readonly db: TestDatabase,
    readonly config: AppConfig,
    readonly clock: ManualClock,
    readonly app: INestApplication,
    private readonly storageDir: string,
  ) {}

  /** `smtpUrl`: where e-mail goes (a test sink); without it notifications stay in the product. */
  static async start(clockStart: Date, options: { smtpUrl?: string } = {}): Promise<ScenarioHarness> {
    const db = await createTestDatabase();
    const storageDir = mkdtempSync(join(tmpdir(), 'subsidy-scenario-'));
    // createTestDatabase takes no overrides (yet); the relay's poll interval and the storage folder are set here.
    const config: AppConfig = {
      ...db.config,
      outbox: { pollMs: SCENARIO_POLL_MS },
      storage: { dir: storageDir },
      mail: { ...db.config.mail, smtpUrl: options.smtpUrl ?? db.config.mail.smtpUrl },
    };
    const clock = new ManualClock(clockStart);
    const app = await createApp(config, { clock });
    return new ScenarioHarness(db, config, clock, app, storageDir);
  }

  get workerRunning(): boolean {
    return this.worker !== undefined;
  }

  async startWorker(): Promise<void> {
    if (this.worker) throw new Error('the worker is already running');
    this.worker = await createWorker(this.config, { clock: this.clock });
  }

  async stopWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.close();
  }

  /** Moves the manual clock to an instant (China Standard Time literals read best: '2022-04-01T09:00:30+08:00'). */
  setClock(instant: string): void {
    this.clock.set(new Date(instant));
  }

  async rows<T extends QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await asSuperuser(this.db, (client) => client.query<T>(sql, params))).rows;
  }

  async statusOf(table: 'applications' | 'programs' | 'publicities' | 'objections', id: string): Promise<string> {
    const [row] = await this.rows<{ status: string }>(`select status from ${table} where id = $1`, [id]);
    if (!row) throw new Error(`no ${table} row ${id}`);
    return row.status;
  }

  /**
   * Proves the relay and the worker are alive at the current clock: a job due now must run to completion, then a few
   * more relay polls pass. Anything that was due would have been handed over by then.
   */
  async letWorkerCatchUp(tenantId: string): Promise<void> {
    const [canary] = await this.rows<{ id: string }>(
      `insert into outbox (tenant_id, queue, job_name, payload, run_at) values ($1, 'maintenance', 'audit.verify-chain', $2, $3) returning id`,
      [tenantId, JSON.stringify({ tenantId }), this.clock.now()],
    );
    await waitFor('the canary job to complete', async () => (await this.rows(`select 1 from outbox where id = $1 and completed_at is not null`, [canary.id])).length === 1);
    await new Promise((resolve) => setTimeout(resolve, SCENARIO_POLL_MS * 8));
  }

  /** Closes worker, app and database; deletes this scenario's Redis keys and evidence folder. */
  async close(): Promise<void> {
    await this.stopWorker();
    await this.app.close();
    await deleteRedisKeys(this.config);
    await this.db.drop();
    rmSync(this.storageDir, { recursive: true, force: true });
  }
}

/** A value an earlier step should have produced; when it did not, the later step says so instead of failing obscurely. */
export function fromStep<T>(value: T | undefined, step: string): T {
  if (value === undefined) throw new Error(`blocked: ${step} did not complete (see its failure above)`);
  return value;
}
