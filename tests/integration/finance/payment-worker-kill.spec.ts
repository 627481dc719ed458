import { INestApplication } from '@nestjs/common';
import { verifyLedger } from '@subsidy/finance';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { createApp } from '../../../apps/api/src/create-app';
import { createOrganization, createUser, login, Session } from '../../support/factories';
import { createHandedOverProgram, createPolicyTenant } from '../../support/factories/finance';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { deleteRedisKeys, waitFor } from '../queue/queue-fixture';

const ROOT = join(__dirname, '..', '..', '..');
const ORGANIZATIONS = 4;
const ITEMS_PER_ORGANIZATION = 10;
const LINES = ORGANIZATIONS * ITEMS_PER_ORGANIZATION;

/**
 * The finance promise under the worst crash: a released batch's lines are instructed by a real worker process, which is
 * SIGKILLed with a job in the middle of its transaction; every Redis key is deleted; a new process still instructs
 * every line exactly once, because the outbox rows in PostgreSQL are the truth and each line's effect commits with
 * its row's completion.
 */
describe('a payment batch survives killing the worker and losing Redis', () => {
  let db: TestDatabase;
  let su: Client;
  let app: INestApplication;
  let city: Session;
  let programId: string;
  const workers: ChildProcess[] = [];
  let n = 0;
  const key = () => `kill-${++n}-${Date.now()}`;
  const http = () => request(app.getHttpServer());
  const env = () => ({ ...process.env, NODE_ENV: 'test' as const, LOG_LEVEL: 'warn', DATABASE_NAME: db.name, QUEUE_PREFIX: db.config.redis.prefix, OUTBOX_POLL_MS: '50' });

  const startWorker = (): { process: ChildProcess; exited: Promise<NodeJS.Signals | null> } => {
    const worker = spawn(process.execPath, [join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js')], { cwd: ROOT, env: env(), stdio: ['ignore', 'inherit', 'inherit'] });
    workers.push(worker);
    return { process: worker, exited: new Promise((resolve) => worker.on('exit', (_code, signal) => resolve(signal))) };
  };
  const instructedCount = async (batchId: string): Promise<number> => {
    const { rows } = await su.query<{ n: number }>(
      `select count(*)::int as n from payment_batch_lines l join finance_installments i on i.id = l.installment_id
        where l.batch_id = $1 and i.status = 'instructed'`,
      [batchId],
    );
    return rows[0].n;
  };

  beforeAll(async () => {
    // dist/ must hold the current worker: built.js builds when stale, then the bad variable makes the worker exit at once.
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'built.js'), 'apps/worker/src/main'], { cwd: ROOT, env: { ...process.env, OUTBOX_POLL_MS: '1' }, encoding: 'utf8' });
    expect(build.stderr).toMatch(/^Invalid environment variable OUTBOX_POLL_MS: /m);

    db = await createTestDatabase();
    su = await db.superuser();
    app = await createApp(db.config);
    await createPolicyTenant(db, 'weihai', [{ code: '371002', nameZh: '环翠区' }]);
    const organizations = [];
    for (let i = 0; i < ORGANIZATIONS; i += 1) organizations.push(await createOrganization(db, { tenantId: 'weihai', districtCode: '371002' }));
    const handed = await createHandedOverProgram(db, {
      tenantId: 'weihai',
      policyId: 'weihai-2020',
      applications: organizations.map((organization, o) => ({
        organization,
        items: Array.from({ length: ITEMS_PER_ORGANIZATION }, (_, i) => ({ achievementId: `o${o + 1}-a${i + 1}`, decidedFen: 20_000 + 2 * (o * ITEMS_PER_ORGANIZATION + i) })),
      })),
    });
    programId = handed.program.id;
    city = await login(app, await createUser(db, { tenantId: 'weihai', role: 'finance_officer', financeLevel: 'city' }));
    const base = `/api/v1/finance/programs/${programId}`;
    await http().put(`${base}/budget`).set(city.headers).set('Idempotency-Key', key()).send({ payer: 'city', amountFen: 10_000_000 }).expect(200);
    const district = await login(app, await createUser(db, { tenantId: 'weihai', role: 'finance_officer', financeLevel: 'district', districtCode: '371002' }));
    await http().put(`${base}/budget`).set(district.headers).set('Idempotency-Key', key()).send({ payer: 'district:371002', amountFen: 10_000_000 }).expect(200);
    await http().post(`${base}/intake`).set(city.headers).set('Idempotency-Key', key()).expect(200);
    await http().post(`${base}/approvals`).set(city.headers).set('Idempotency-Key', key()).send({ payer: 'city', all: true }).expect(200);
    for (const organization of organizations) {
      await http()
        .put(`/api/v1/finance/organizations/${organization.id}/bank-account`)
        .set(city.headers)
        .send({ accountName: organization.name, bankName: '中国工商银行威海分行', accountNo: '6222020200112233445' })
        .expect(200);
    }
  }, 240_000);

  afterAll(async () => {
    for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
    if (db) await deleteRedisKeys(db.config);
    await app?.close();
    await su?.end();
    await db?.drop();
  });

  it('pays every line exactly once after a SIGKILL mid-batch and the loss of every Redis key', async () => {
    const released = await http().post(`/api/v1/finance/programs/${programId}/batches/release`).set(city.headers).set('Idempotency-Key', key()).send({ payer: 'city' });
    expect(released.status).toBe(202);
    const batchId = released.body.id as string;
    expect(released.body.status).toBe('releasing');
    expect(released.body.lines).toHaveLength(LINES);
    expect(new Set((released.body.lines as Array<{ status: string }>).map((l) => l.status))).toEqual(new Set(['pending']));
    expect(await instructedCount(batchId)).toBe(0);
    // Nothing pending is batched twice.
    expect((await http().post(`/api/v1/finance/programs/${programId}/batches`).set(city.headers).set('Idempotency-Key', key()).send({ payer: 'city' })).status).toBe(409);
    // Nor can the bank's outcome be recorded before every line is instructed.
    expect((await http().post(`/api/v1/finance/batches/${batchId}/confirm`).set(city.headers).set('Idempotency-Key', key()).send({ bankReference: 'EARLY' })).status).toBe(409);

    const first = startWorker();
    await waitFor('the first lines instructed by the first worker', async () => (await instructedCount(batchId)) >= 1, 60_000);
    // Hold the program lock every instruction takes first: the worker's next job blocks inside its transaction.
    const holder = await db.superuser();
    await holder.query('begin');
    await holder.query(`select 1 from programs where id = $1 for update`, [programId]);
    await waitFor('a job of the worker waiting inside its transaction', async () => {
      const { rows } = await su.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = $1 and wait_event_type = 'Lock'`, [db.name]);
      return rows[0].n >= 1;
    });
    const beforeKill = await instructedCount(batchId);
    expect(beforeKill).toBeGreaterThanOrEqual(1);
    expect(beforeKill).toBeLessThan(LINES);
    first.process.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    await holder.query('rollback');
    await holder.end();
    expect(await instructedCount(batchId)).toBe(beforeKill);

    expect(await deleteRedisKeys(db.config)).toBeGreaterThan(0);
    const second = startWorker();
    await waitFor('every line instructed by the second worker', async () => (await instructedCount(batchId)) === LINES, 90_000);
    const { rows: pendingJobs } = await su.query<{ n: number }>(
      `select count(*)::int as n from outbox where queue = 'finance' and job_name = 'payment.instruct-line' and payload->>'batchId' = $1 and completed_at is null`,
      [batchId],
    );
    // The last line's effect and its row's completion commit together, so no row is left once every line is in.
    expect(pendingJobs[0].n).toBe(0);
    // A second job for a line already instructed (a replayed release, an operator's re-arm) completes doing nothing.
    const { rows: extra } = await su.query<{ id: string }>(
      `insert into outbox (tenant_id, queue, job_name, payload) values ('weihai', 'finance', 'payment.instruct-line', $1) returning id`,
      [JSON.stringify({ tenantId: 'weihai', batchId, lineNo: 1 })],
    );
    await waitFor('the extra job completed', async () => {
      const { rows } = await su.query<{ done: boolean }>(`select completed_at is not null as done from outbox where id = $1`, [extra[0].id]);
      return rows[0].done;
    });
    second.process.kill('SIGTERM');
    await second.exited;

    const { rows: perLine } = await su.query<{ lineNo: number; entries: number; lines: number }>(
      `select (e.reference->>'lineNo')::int as "lineNo", count(distinct e.id)::int as entries, count(*)::int as lines
         from ledger_entries e join ledger_lines ll on ll.entry_id = e.id
        where e.kind = 'payment_instructed' and e.reference->>'batchId' = $1
        group by 1 order by 1`,
      [batchId],
    );
    expect(perLine).toEqual(Array.from({ length: LINES }, (_, i) => ({ lineNo: i + 1, entries: 1, lines: 2 })));

    const { rows: jobs } = await su.query<{ total: number; completed: number; failed: number; lines: number }>(
      `select count(*)::int as total, count(completed_at)::int as completed, count(failed_at)::int as failed,
              count(distinct (payload->>'lineNo')::int)::int as lines
         from outbox where queue = 'finance' and job_name = 'payment.instruct-line' and payload->>'batchId' = $1`,
      [batchId],
    );
    expect(jobs).toEqual([{ total: LINES + 1, completed: LINES + 1, failed: 0, lines: LINES }]);

    const { rows: audit } = await su.query<{ action: string; n: number }>(
      `select action, count(*)::int as n from audit_log where entity_id = $1 group by action order by action`,
      [batchId],
    );
    expect(audit).toEqual([
      { action: 'finance.batch-instructed', n: 1 },
      { action: 'finance.batch-released', n: 1 },
    ]);

    const batch = await http().get(`/api/v1/finance/batches/${batchId}`).set(city.headers).expect(200);
    expect(batch.body.status).toBe('instructed');
    expect(new Set((batch.body.lines as Array<{ status: string }>).map((l) => l.status))).toEqual(new Set(['instructed']));
    // Everything approved for the city is now payable: each line moved its amount once.
    const { rows: balances } = await su.query<{ account: string; net: string }>(
      `select account, (debit_fen - credit_fen)::text as net from ledger_balances where account in ($1, $2) order by account`,
      [`approved:${programId}:city`, `payable:${programId}:city`],
    );
    expect(balances).toEqual([
      { account: `approved:${programId}:city`, net: '0' },
      { account: `payable:${programId}:city`, net: String(released.body.totalFen) },
    ]);

    const appRole = await db.appRole();
    try {
      await appRole.query('begin');
      await appRole.query(`select set_config('app.tenant_id', 'weihai', true)`);
      await expect(verifyLedger(async (sql: string) => (await appRole.query(sql)).rows as unknown[])).resolves.toMatchObject({ ok: true });
      await appRole.query('rollback');
    } finally {
      await appRole.end();
    }

    const paid = await http().post(`/api/v1/finance/batches/${batchId}/confirm`).set(city.headers).set('Idempotency-Key', key()).send({ bankReference: 'ICBC-KILL-001' });
    expect(paid.status).toBe(200);
    expect(paid.body.status).toBe('confirmed');
  }, 240_000);
});
