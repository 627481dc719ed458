import { AppConfig } from '@subsidy/config';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import Redis from 'ioredis';
import { Client } from 'pg';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function postgresUp(config: AppConfig): Promise<boolean> {
  const client = new Client({ host: config.database.host, port: config.database.port, user: config.database.admin.user, password: config.database.admin.password || undefined, database: 'postgres', connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function redisUp(config: AppConfig): Promise<boolean> {
  const redis = new Redis(config.redis.url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2000, retryStrategy: () => null });
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

const isLocal = (host: string) => ['127.0.0.1', 'localhost', '::1'].includes(host);

function tryStartLocalPostgres(): boolean {
  if (!existsSync('/etc/postgresql')) return false;
  const version = readdirSync('/etc/postgresql').sort().pop();
  if (!version) return false;
  try {
    execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function tryStartLocalRedis(port: string): boolean {
  try {
    execFileSync('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', port, '--save', '', '--appendonly', 'no', '--dir', '/tmp'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function waitFor(check: () => Promise<boolean>, seconds: number): Promise<boolean> {
  for (let i = 0; i < seconds; i += 1) {
    if (await check()) return true;
    await sleep(1000);
  }
  return false;
}

/**
 * Makes sure PostgreSQL and Redis answer. Where they run on this machine and the binaries are installed, starts them;
 * otherwise says exactly what to start.
 */
export async function ensureServices(config: AppConfig, say: (line: string) => void): Promise<void> {
  const { host, port } = config.database;
  if (!(await postgresUp(config))) {
    if (isLocal(host) && tryStartLocalPostgres() && (await waitFor(() => postgresUp(config), 20))) {
      say(`Started the local PostgreSQL cluster on ${host}:${port}`);
    } else {
      throw new Error(
        `PostgreSQL is not reachable at ${host}:${port} as ${config.database.admin.user}. Start it (e.g. "pg_ctlcluster 15 main start" or "docker compose up -d postgres") or set DATABASE_HOST/DATABASE_PORT.`,
      );
    }
  }
  if (!(await redisUp(config))) {
    const url = new URL(config.redis.url);
    if (isLocal(url.hostname) && tryStartLocalRedis(url.port || '6379') && (await waitFor(() => redisUp(config), 10))) {
      say(`Started a throwaway local Redis on ${url.host}`);
    } else {
      throw new Error(`Redis is not reachable at ${config.redis.url}. Start it (e.g. "redis-server --daemonize yes" or "docker compose up -d redis") or set REDIS_URL.`);
    }
  }
}
