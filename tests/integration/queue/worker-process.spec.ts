import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { createTenant, deleteRedisKeys, waitFor } from './queue-fixture';

const ROOT = join(__dirname, '..', '..', '..');

describe('the worker process (apps/worker/src/main)', () => {
  let db: TestDatabase;
  let su: Client;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    su = await db.superuser();
    await createTenant(su, 'alpha');
  });
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await deleteRedisKeys(db.config);
    await su.end();
    await db.drop();
  });

  const env = () => ({ ...process.env, NODE_ENV: 'test' as const, LOG_LEVEL: 'info', DATABASE_NAME: db.name, QUEUE_PREFIX: db.config.redis.prefix, OUTBOX_POLL_MS: '50' });

  it('refuses to start on bad configuration, naming the variable (built through scripts/built.js)', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'built.js'), 'apps/worker/src/main'], {
      cwd: ROOT,
      env: { ...env(), OUTBOX_POLL_MS: '1' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Invalid environment variable OUTBOX_POLL_MS: /m);
  }, 240_000);

  it('runs outbox jobs and stops cleanly on SIGTERM', async () => {
    await su.query('begin');
    await su.query(`select set_config('app.tenant_id', 'alpha', true)`);
    const { rows } = await su.query(`insert into outbox (tenant_id, queue, job_name, payload) values ('alpha', 'maintenance', 'audit.verify-chain', '{"tenantId":"alpha"}') returning id`);
    await su.query('commit');
    const id = rows[0].id as string;

    let output = '';
    const worker = spawn(process.execPath, [join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js')], { cwd: ROOT, env: env() });
    child = worker;
    worker.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    worker.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => worker.on('exit', (code) => resolve(code)));

    await waitFor('the job completed by the worker process', async () => {
      const done = await su.query(`select completed_at is not null as done from outbox where id = $1`, [id]);
      return done.rows[0].done === true;
    });
    const audit = await su.query(`select action, data->>'outboxId' as outbox_id from audit_log where tenant_id = 'alpha'`);
    expect(audit.rows).toEqual([{ action: 'audit.chain-verified', outbox_id: id }]);

    worker.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toMatch(/Worker started/);
    expect(output).toMatch(/SIGTERM received/);
    expect(output).toMatch(/Worker stopped/);
  }, 30_000);
});
