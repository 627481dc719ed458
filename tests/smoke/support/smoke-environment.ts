import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { deleteRedisKeys } from '../../support/redis-keys';
import { testConfig } from '../../support/test-config';

/** A TCP port nobody listens on right now (the API binds it a moment later). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('could not find a free port');
  return address.port;
}

/**
 * What the built processes of one smoke run share and nothing else does: a database of their own (created and
 * migrated by the built `db-migrate`, not cloned from the test template, so the built migrations run too), a Redis
 * prefix, an evidence folder, a port, a production JWT secret and a mail sink. Everything is removed by `dispose`.
 */
export class SmokeEnvironment {
  private readonly jwtSecret = randomBytes(32).toString('hex');

  private constructor(
    readonly databaseName: string,
    readonly queuePrefix: string,
    readonly storageDir: string,
    readonly port: number,
    readonly smtpUrl: string,
  ) {}

  /** `smtpUrl`: where the worker delivers e-mail (a local sink, so the suite can read a password-setup token). */
  static async create(smtpUrl: string): Promise<SmokeEnvironment> {
    const suffix = randomBytes(5).toString('hex');
    return new SmokeEnvironment(`subsidy_smoke_${suffix}`, `smoke-${suffix}`, mkdtempSync(join(tmpdir(), 'subsidy-smoke-')), await freePort(), smtpUrl);
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The environment of every built process: the developer's connection settings, this run's names, production mode. */
  get env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: this.jwtSecret,
      LOG_LEVEL: 'info',
      NO_COLOR: '1', // plain text in the failure messages that quote a process's output
      PORT: String(this.port),
      DATABASE_NAME: this.databaseName,
      QUEUE_PREFIX: this.queuePrefix,
      STORAGE_DIR: this.storageDir,
      OUTBOX_POLL_MS: '200',
      SMTP_URL: this.smtpUrl,
    };
  }

  /** Drops the database (connections and all), deletes this run's Redis keys and the evidence folder. */
  async dispose(): Promise<void> {
    const config = testConfig(this.databaseName, { QUEUE_PREFIX: this.queuePrefix });
    const admin = new Client({ host: config.database.host, port: config.database.port, user: config.database.admin.user, password: config.database.admin.password || undefined, database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${this.databaseName}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
    await deleteRedisKeys(config);
    rmSync(this.storageDir, { recursive: true, force: true });
  }
}
