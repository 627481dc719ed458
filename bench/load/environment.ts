import { loadConfig } from '@subsidy/config';
import { closeRedisConnection, createRedisConnection } from '@subsidy/queue';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

/**
 * What one load run owns and nothing else touches: a database created and migrated by the built `db-migrate`, a Redis
 * prefix, an evidence folder, a loopback port and a production JWT secret. The same shape as the smoke tests'
 * SmokeEnvironment (tests/smoke/support), kept here because the bench is compiled with the product (tsconfig.build.json
 * excludes tests/) and runs from any build directory (`--dist`).
 */
export class LoadEnvironment {
  readonly jwtSecret = randomBytes(32).toString('hex');

  private constructor(
    readonly dist: string,
    readonly databaseName: string,
    readonly queuePrefix: string,
    readonly storageDir: string,
    readonly port: number,
    readonly smtpUrl: string,
  ) {}

  /** `smtpUrl`: where the worker delivers e-mail (a loopback sink). */
  static async create(dist: string, smtpUrl: string): Promise<LoadEnvironment> {
    const suffix = randomBytes(5).toString('hex');
    return new LoadEnvironment(resolve(dist), `subsidy_load_${suffix}`, `load-${suffix}`, mkdtempSync(join(tmpdir(), 'subsidy-load-')), await freePort(), smtpUrl);
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /**
   * Production mode with the developer's connection settings. The per-address rate limit is lifted: every simulated
   * applicant comes from 127.0.0.1, which in production would be thousands of addresses.
   */
  get env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: this.jwtSecret,
      LOG_LEVEL: 'warn',
      NO_COLOR: '1',
      PORT: String(this.port),
      DATABASE_NAME: this.databaseName,
      QUEUE_PREFIX: this.queuePrefix,
      STORAGE_DIR: this.storageDir,
      OUTBOX_POLL_MS: '200',
      RATE_LIMIT_PER_MINUTE: '100000000',
      SMTP_URL: this.smtpUrl,
    };
  }

  config() {
    return loadConfig(this.env);
  }

  /** A connection as the schema owner (past row-level security), for preparation and the checks afterwards. */
  async owner(): Promise<Client> {
    const c = this.config().database;
    const client = new Client({ host: c.host, port: c.port, user: c.owner.user, password: c.owner.password || undefined, database: this.databaseName });
    await client.connect();
    return client;
  }

  /** Drops the database (connections and all), deletes this run's Redis keys and the evidence folder; never throws. */
  async dispose(): Promise<string[]> {
    const problems: string[] = [];
    const config = this.config();
    const admin = new Client({ host: config.database.host, port: config.database.port, user: config.database.admin.user, password: config.database.admin.password || undefined, database: 'postgres' });
    try {
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${this.databaseName}" WITH (FORCE)`);
    } catch (error) {
      problems.push(`drop database ${this.databaseName}: ${(error as Error).message}`);
    } finally {
      await admin.end().catch(() => undefined);
    }
    try {
      const redis = createRedisConnection(config, 'load-cleanup');
      try {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.redis.prefix}:*`, 'COUNT', 500);
          cursor = next;
          if (keys.length > 0) await redis.del(...keys);
        } while (cursor !== '0');
      } finally {
        await closeRedisConnection(redis);
      }
    } catch (error) {
      problems.push(`redis keys ${config.redis.prefix}:*: ${(error as Error).message}`);
    }
    rmSync(this.storageDir, { recursive: true, force: true });
    return problems;
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done, fail) => server.once('error', fail).listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise((done) => server.close(done));
  if (!address || typeof address === 'string') throw new Error('could not find a free port');
  return address.port;
}

/** The last 8,000 characters a child wrote, for the failure message. */
function tailOf(child: ChildProcess): () => string {
  let text = '';
  const keep = (chunk: Buffer) => (text = (text + chunk.toString('utf8')).slice(-8_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => text.trim() || '(no output)';
}

/** Runs a built command (`<dist>/apps/cli/src/...`) to completion within `timeoutMs`; resolves with its stdout, rejects with its output. */
export function runBuilt(env: LoadEnvironment, entry: string, timeoutMs: number, args: string[] = []): Promise<string> {
  const child = spawn(process.execPath, [join(env.dist, `${entry}.js`), ...args], { env: env.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail = tailOf(child);
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`${entry} did not finish within ${timeoutMs} ms:\n${tail()}`));
    }, timeoutMs);
    child.on('error', (error) => (clearTimeout(timer), fail(error)));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) done(stdout.trim());
      else fail(new Error(`${entry} exited with ${signal ?? code}:\n${tail()}`));
    });
  });
}

/** A long-running built process (the API or the worker); killed with the bench if the bench dies first. */
export class BuiltProcess {
  private exitCode: string | undefined;
  private readonly exited: Promise<void>;
  private readonly tail: () => string;
  private readonly killOnExit = () => this.child.kill('SIGKILL');

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    this.tail = tailOf(child);
    this.exited = new Promise((done) =>
      child.on('exit', (code, signal) => {
        this.exitCode = String(signal ?? code);
        process.off('exit', this.killOnExit);
        done();
      }),
    );
    process.on('exit', this.killOnExit);
  }

  static start(name: string, env: LoadEnvironment, entry: string): BuiltProcess {
    return new BuiltProcess(name, spawn(process.execPath, [join(env.dist, `${entry}.js`)], { env: env.env, stdio: ['ignore', 'pipe', 'pipe'] }));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  assertRunning(): void {
    if (this.exitCode !== undefined) throw new Error(`${this.name} exited (${this.exitCode}):\n${this.tail()}`);
  }

  /** Peak resident set size (VmHWM) in bytes, read from /proc while the process runs. */
  peakRssBytes(): number | undefined {
    if (!this.child.pid || this.exitCode !== undefined) return undefined;
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.child.pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  }

  async stop(graceMs = 10_000): Promise<void> {
    if (this.exitCode !== undefined) return;
    this.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const late = await Promise.race([this.exited.then(() => false), new Promise<boolean>((done) => (timer = setTimeout(() => done(true), graceMs)))]);
    clearTimeout(timer);
    if (late) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}

/** Polls GET /health until 200, failing at once if a process died meanwhile. */
export async function waitForHealth(baseUrl: string, processes: BuiltProcess[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const p of processes) p.assertRunning();
    try {
      if ((await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${baseUrl}/health did not answer 200 within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 200));
  }
}
