/**
 * npm run bench:load [-- --applicants 2000] [--dist dist] [--read-seconds 10]
 * Issue 15's load benchmark. On a fresh database (created and migrated by the built db-migrate, tenants by the built
 * tenants-sync) it starts the built API and worker from `--dist` on a loopback port, prepares N Beijing applicants each
 * with a declared draft in one open program (SQL and minted tokens: fast, not measured), then measures a submission surge
 * at concurrency 50 (the first half of the applicants) and 200 (the second half), each submit once with its own
 * Idempotency-Key. Afterwards it checks every application was submitted exactly once (status, submission count, one
 * audit record), the outbox drained, and the built audit:verify and ledger:check; then the read path (program list,
 * application detail) at concurrency 50. 100 more applicants submit first at concurrency 10 to warm the processes up
 * (not in the table). Prints one table with the machine. Every phase has a hard time limit; the processes, the
 * database and the Redis keys are removed at the end, also on failure. Traffic stays on 127.0.0.1.
 */
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { drive, each, forSeconds, PhaseResult } from './load/drive';
import { CountingMailSink } from './load/mail-sink';
import { BuiltProcess, LoadEnvironment, runBuilt, waitForHealth } from './load/environment';
import { Applicant, openProgram, prepareApplicants, TENANT } from './load/prepare';
import { formatTable, phaseTable } from './load/report';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const APPLICANTS = Number(option('applicants', '2000'));
// By default the build this bench was compiled into (it runs from <dist>/bench/).
const DIST = option('dist', join(__dirname, '..'));
const READ_SECONDS = Number(option('read-seconds', '10'));
const WATCHDOG_MS = 20 * 60_000;
const WARM_UP = 100;
if (!Number.isInteger(APPLICANTS) || APPLICANTS < 2 || APPLICANTS > 20_000) throw new Error('--applicants: an integer from 2 to 20000');
if (!(READ_SECONDS > 0 && READ_SECONDS <= 120)) throw new Error('--read-seconds: 1 to 120');

const log = (line: string) => process.stderr.write(`[bench:load ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

async function withTimeout<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<T>((_, fail) => (timer = setTimeout(() => fail(new Error(`${what}: no result within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

async function single<T>(owner: Client, sql: string, params: unknown[]): Promise<T> {
  return (await owner.query(sql, params)).rows[0] as T;
}

/** Every application submitted exactly once: in formal check, submission count 1, one 'application.submitted' audit record. */
async function checkSubmittedOnce(owner: Client, ids: string[]): Promise<{ ok: boolean; line: string }> {
  const s = await single<{ submitted: number; once: number; audits: number; notices: number; jobs: number }>(
    owner,
    `select (select count(*)::int from applications where id = any($1::uuid[]) and status = 'formal_check' and submitted_at is not null) as submitted,
            (select count(*)::int from applications where id = any($1::uuid[]) and submission_count = 1) as once,
            (select count(*)::int from audit_log where entity_id = any($1::text[]) and action = 'application.submitted') as audits,
            (select count(*)::int from notifications where entity_id = any($1::text[]) and kind = 'application.submitted') as notices,
            (select count(*)::int from outbox where payload->>'applicationId' = any($1::text[])) as jobs`,
    [ids],
  );
  const n = ids.length;
  // Per submission: one audit record, one notice to the applicant, the formal check's reminder and escalation jobs.
  const ok = s.submitted === n && s.once === n && s.audits === n && s.notices === n && s.jobs === 2 * n;
  return { ok, line: `${n} applications: ${s.submitted} in formal check, ${s.once} submitted once, ${s.audits} audit records, ${s.notices} notices, ${s.jobs} deadline jobs` };
}

/** Polls until no due outbox row is left uncompleted (future reminders are not due); dead letters fail the check. */
async function checkOutboxDrained(owner: Client, limitMs: number): Promise<{ ok: boolean; line: string }> {
  const started = Date.now();
  for (;;) {
    const o = await single<{ due: number; dead: number; done: number }>(
      owner,
      `select count(*) filter (where completed_at is null and failed_at is null and run_at <= now())::int as due,
              count(*) filter (where failed_at is not null)::int as dead,
              count(*) filter (where completed_at is not null)::int as done from outbox`,
      [],
    );
    const waited = ((Date.now() - started) / 1000).toFixed(1);
    if (o.due === 0) return { ok: o.dead === 0, line: `outbox drained after ${waited} s: ${o.done} jobs done, ${o.dead} dead-lettered` };
    if (Date.now() - started > limitMs) return { ok: false, line: `outbox NOT drained within ${limitMs / 1000} s: ${o.due} due, ${o.dead} dead-lettered` };
    await new Promise((done) => setTimeout(done, 500));
  }
}

async function builtCheck(env: LoadEnvironment, entry: string): Promise<{ ok: boolean; line: string }> {
  try {
    return { ok: true, line: await runBuilt(env, entry, 180_000) };
  } catch (error) {
    return { ok: false, line: (error as Error).message.split('\n').slice(0, 3).join(' ') };
  }
}

async function main(): Promise<void> {
  const mail = await CountingMailSink.start();
  const env = await LoadEnvironment.create(DIST, mail.url);
  const processes: BuiltProcess[] = [];
  let owner: Client | undefined;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await owner?.end().catch(() => undefined);
    await Promise.all(processes.map((p) => p.stop()));
    for (const problem of await env.dispose()) log(`cleanup: ${problem}`);
    await mail.close();
  };
  const watchdog = setTimeout(() => {
    log(`watchdog: the whole run exceeded ${WATCHDOG_MS / 60_000} min; stopping`);
    void cleanup().finally(() => process.exit(1));
  }, WATCHDOG_MS);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanup().finally(() => process.exit(130)));

  try {
    log(`database ${env.databaseName}, built code from ${env.dist}`);
    await runBuilt(env, 'apps/cli/src/db-migrate', 180_000);
    await runBuilt(env, 'apps/cli/src/tenants-sync', 120_000);
    const api = BuiltProcess.start('API', env, 'apps/api/src/main');
    processes.push(api, BuiltProcess.start('worker', env, 'apps/worker/src/main'));
    await waitForHealth(env.baseUrl, processes, 60_000);

    owner = await env.owner();
    // Row-level security applies to the owner too: the checks below read Beijing's rows.
    await owner.query(`select set_config('app.tenant_id', $1, false)`, [TENANT]);
    const programId = await openProgram(owner);
    const half = Math.floor(APPLICANTS / 2);
    const prepStarted = Date.now();
    const first = await withTimeout('preparing applicants', 300_000, prepareApplicants(env, owner, programId, half, 'A'));
    const second = await withTimeout('preparing applicants', 300_000, prepareApplicants(env, owner, programId, APPLICANTS - half, 'B'));
    const warm = await withTimeout('preparing applicants', 300_000, prepareApplicants(env, owner, programId, WARM_UP, 'W'));
    log(`prepared ${APPLICANTS} applicants with declared drafts in ${((Date.now() - prepStarted) / 1000).toFixed(1)} s (not measured)`);

    const submit = (who: Applicant) => ({
      url: `${env.baseUrl}/api/v1/applications/${who.applicationId}/submit`,
      init: { method: 'POST', headers: { authorization: `Bearer ${who.token}`, 'idempotency-key': `load-${who.applicationId}`, accept: 'application/json' } },
    });
    const limits = { hardLimitMs: 300_000, requestTimeoutMs: 30_000 };
    const results: PhaseResult[] = [];
    // A cold process compiles its hot paths during its first requests; a short surge of other applicants first, not shown.
    log(`warm-up: ${warm.length} submits at concurrency 10 (not in the table; checked with the rest)`);
    const warmUp = await drive('warm-up', 10, each(warm, submit), limits);
    if (warmUp.ok !== warm.length) log(`warm-up: ${warm.length - warmUp.ok} failed`);
    for (const [crowd, concurrency] of [
      [first, 50],
      [second, 200],
    ] as const) {
      log(`submission surge: ${crowd.length} submits at concurrency ${concurrency}`);
      results.push(await drive('submit', concurrency, each(crowd, submit), limits));
      for (const p of processes) p.assertRunning();
    }

    log('checking effects');
    const everyone = [...first, ...second, ...warm];
    const checks: Array<[string, { ok: boolean; line: string }]> = [];
    checks.push(['submitted exactly once', await checkSubmittedOnce(owner, everyone.map((a) => a.applicationId))]);
    checks.push(['outbox drained', await checkOutboxDrained(owner, 180_000)]);
    const distinctMails = new Set(mail.messageIds).size;
    checks.push(['e-mails once', { ok: mail.received === everyone.length && distinctMails === everyone.length, line: `${mail.received} e-mails received, ${distinctMails} distinct message ids, ${everyone.length} applicants` }]);
    checks.push(['audit:verify', await builtCheck(env, 'apps/cli/src/audit-verify')]);
    checks.push(['ledger:check', await builtCheck(env, 'apps/cli/src/ledger-check')]);

    log(`read path: ${READ_SECONDS} s each at concurrency 50`);
    const readLimits = { hardLimitMs: (READ_SECONDS + 30) * 1000, requestTimeoutMs: 30_000 };
    const asApplicant = (who: Applicant) => ({ headers: { authorization: `Bearer ${who.token}`, accept: 'application/json' } });
    results.push(await drive('GET program list', 50, forSeconds(READ_SECONDS, (i) => ({ url: `${env.baseUrl}/api/v1/programs`, init: asApplicant(everyone[i % everyone.length]) })), readLimits));
    results.push(
      await drive('GET application detail', 50, forSeconds(READ_SECONDS, (i) => {
        const who = everyone[i % everyone.length];
        return { url: `${env.baseUrl}/api/v1/applications/${who.applicationId}`, init: asApplicant(who) };
      }), readLimits),
    );
    for (const p of processes) p.assertRunning();
    const rss = api.peakRssBytes();

    const when = new Date().toISOString().replace('T', ' ').slice(0, 16);
    const cpu = cpus();
    const out = [
      '',
      `npm run bench:load: ${APPLICANTS} applicants (Beijing, one open program), built API + worker, PostgreSQL and Redis on one machine`,
      `${when} UTC; ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM; node ${process.version}; DATABASE_POOL_SIZE ${env.config().database.poolSize}`,
      '',
      phaseTable(results),
      '',
      formatTable(['check', 'result', 'detail'], [
        ...checks.map(([name, c]) => [name, c.ok ? 'ok' : 'FAIL', c.line]),
        ['API peak RSS (VmHWM)', rss === undefined ? '?' : `${(rss / 2 ** 20).toFixed(0)} MiB`, rss !== undefined && rss < 400 * 2 ** 20 ? 'under 400 MiB' : 'not under 400 MiB'],
        ['pgbench raw rate', '-', 'not measured by this run'],
      ]),
      '',
    ];
    process.stdout.write(out.join('\n'));
    if (checks.some(([, c]) => !c.ok)) process.exitCode = 1;
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:load failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
