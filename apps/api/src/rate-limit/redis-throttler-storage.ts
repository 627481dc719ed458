import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { APP_CONFIG, AppConfig } from '@subsidy/config';
import IORedis, { Redis } from 'ioredis';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;
/** The connection with HIT defined as a command (sent by EVALSHA, the script text only when Redis lacks it). */
type RateLimitRedis = Redis & { rateLimitHit(key: string, windowMs: number): Promise<[number, number]> };

/**
 * One fixed window per key: count the hit and, on the window's first hit, start its expiry; answer the count and the
 * milliseconds left. Constant work per request whatever the number of clients or keys, and nothing to sweep: Redis
 * forgets a window when it expires. The `PTTL < 0` guard also repairs a key that somehow lost its expiry.
 * KEYS: the window's key. ARGV: the window in ms.
 */
const HIT = `
local hits = redis.call('INCR', KEYS[1])
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  left = tonumber(ARGV[1])
end
return { hits, left }
`;

/** How long one command may take before the request goes on without a limit (see `increment`). */
const COMMAND_TIMEOUT_MS = 1000;
/** How long start-up waits for Redis before serving with the limit failing open until Redis answers. */
const STARTUP_WAIT_MS = 2000;
/** A Redis outage is logged at most this often per process, not once per request. */
const OUTAGE_LOG_INTERVAL_MS = 10_000;

/**
 * The per-minute request limit of `@nestjs/throttler`, kept in Redis so every API process counts against the same
 * limit (its default store is per process and does work per stored hit on a timer). Keys live under the deployment's
 * `QUEUE_PREFIX`, so two installations (or two test files) on one Redis never share a count.
 *
 * When Redis cannot answer, the request is let through and the outage logged (fail open): this limit only smooths
 * load, most requests it sees are reads of public pages, and refusing every request while Redis is down would turn a
 * cache outage into a full one. Guessing passwords is held back by the sign-in delays (libs/auth LoginThrottle),
 * which do not fail open.
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RedisThrottlerStorage.name);
  private readonly redis: RateLimitRedis;
  private readonly prefix: string;
  private lastOutageLog = 0;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.prefix = `${config.redis.prefix}:rate-limit:`;
    this.redis = new IORedis(config.redis.url, {
      connectionName: 'subsidy-hub:rate-limit',
      // While Redis is away a request must not wait for reconnection attempts: the command fails at once (fail open).
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: COMMAND_TIMEOUT_MS,
      // A closing connection that never reached Redis otherwise keeps the process alive for ioredis's default 2 s.
      disconnectTimeout: 200,
    }) as RateLimitRedis;
    this.redis.defineCommand('rateLimitHit', { numberOfKeys: 1, lua: HIT });
    this.redis.on('error', (error: Error) => this.logOutage(error));
  }

  /** Waits (briefly) for the connection, since without an offline queue a request arriving before it would not be counted. */
  async onModuleInit(): Promise<void> {
    if (this.redis.status === 'ready') return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => this.redis.once('ready', () => resolve())),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, STARTUP_WAIT_MS))),
    ]);
    clearTimeout(timer);
  }

  async increment(key: string, ttl: number): Promise<ThrottlerStorageRecord> {
    try {
      const [totalHits, leftMs] = await this.redis.rateLimitHit(this.prefix + key, Math.max(1, Math.ceil(ttl)));
      // The guard sends this as Retry-After (seconds); rounded up so a client that waits it out is let in.
      return { totalHits: Number(totalHits), timeToExpire: Math.ceil(Number(leftMs) / 1000) };
    } catch (error) {
      this.logOutage(error as Error);
      return { totalHits: 0, timeToExpire: 0 };
    }
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis.status === 'end') return;
    // QUIT needs a live connection; one that is not up has nothing to flush.
    if (this.redis.status !== 'ready') return this.redis.disconnect();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private logOutage(error: Error): void {
    const now = Date.now();
    if (now - this.lastOutageLog < OUTAGE_LOG_INTERVAL_MS) return;
    this.lastOutageLog = now;
    this.logger.error(`Rate limit store unreachable, requests pass unlimited: ${error.message}`);
  }
}
