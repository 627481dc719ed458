import { INestApplication } from '@nestjs/common';
import { AppConfig } from '@subsidy/config';
import IORedis from 'ioredis';
import request from 'supertest';
import { createApp } from '../../../apps/api/src/create-app';
import { RedisThrottlerStorage } from '../../../apps/api/src/rate-limit/redis-throttler-storage';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

/**
 * The per-minute request limit is one count in Redis for every API process (issue 15, "Horizontal processes"): two
 * applications built as production builds them, each with its own storage and connection, share one quota.
 */
describe('the request rate limit shared through Redis', () => {
  const LIMIT = 3;
  let db: TestDatabase;
  let config: AppConfig;
  let first: INestApplication;
  let second: INestApplication;
  let redis: IORedis;

  beforeAll(async () => {
    db = await createTestDatabase();
    config = { ...db.config, http: { ...db.config.http, rateLimitPerMinute: LIMIT } };
    [first, second] = await Promise.all([createApp(config), createApp(config)]);
    redis = new IORedis(config.redis.url);
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
    await redis?.quit();
    await db?.drop();
  });

  // An empty sign-in is refused by validation (400) after the guard has counted it, and changes nothing.
  const signIn = (app: INestApplication) => request(app.getHttpServer()).post('/api/v1/auth/login').send({});

  it('lets the second process refuse once the first has used the quota, with a Retry-After within the window', async () => {
    expect(first.get(RedisThrottlerStorage)).not.toBe(second.get(RedisThrottlerStorage));
    for (let i = 0; i < LIMIT; i++) await signIn(first).expect(400);
    const refused = await signIn(second).expect(429);
    expect(refused.body.code).toBe('too_many_requests');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    await signIn(first).expect(429);
    // Another route has its own count.
    await request(second.getHttpServer()).post('/api/v1/auth/refresh').send({}).expect(400);
  });

  it('keeps every count under the deployment prefix, each expiring with its window', async () => {
    const keys = await redis.keys(`${config.redis.prefix}:rate-limit:*`);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    for (const key of keys) {
      const left = await redis.pttl(key);
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThanOrEqual(60_000);
    }
    // Another deployment (or test file) on the same Redis counts the same route and address from zero.
    const otherDeployment = new RedisThrottlerStorage({ ...config, redis: { ...config.redis, prefix: `${config.redis.prefix}-other` } });
    try {
      await otherDeployment.onModuleInit();
      const sameKey = keys[0].slice(`${config.redis.prefix}:rate-limit:`.length);
      const before = await redis.get(keys[0]);
      expect((await otherDeployment.increment(sameKey, 60_000)).totalHits).toBe(1);
      expect(await redis.get(keys[0])).toBe(before);
    } finally {
      await otherDeployment.onModuleDestroy();
    }
  });

  it('starts a fresh window when the old one expired', async () => {
    const storage = first.get(RedisThrottlerStorage);
    const key = `expiry-${Date.now()}`;
    expect((await storage.increment(key, 300)).totalHits).toBe(1);
    const second = await storage.increment(key, 300);
    expect(second.totalHits).toBe(2);
    expect(second.timeToExpire).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(await redis.exists(`${config.redis.prefix}:rate-limit:${key}`)).toBe(0);
    expect((await storage.increment(key, 300)).totalHits).toBe(1);
  });

  it('lets requests through, without waiting long, when Redis cannot be reached (fail open)', async () => {
    const unreachable = new RedisThrottlerStorage({ ...config, redis: { ...config.redis, url: 'redis://127.0.0.1:1' } });
    try {
      const started = Date.now();
      expect(await unreachable.increment('any', 60_000)).toEqual({ totalHits: 0, timeToExpire: 0 });
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await unreachable.onModuleDestroy();
    }
  });

  it('without Redis, an application still answers past its limit, while sign-in is refused rather than unthrottled', async () => {
    const withoutRedis = await createApp({ ...config, redis: { ...config.redis, url: 'redis://127.0.0.1:1' } });
    try {
      // Each request is let through at once (no waiting on reconnection attempts), however many.
      const started = Date.now();
      for (let i = 0; i < LIMIT + 2; i++) await signIn(withoutRedis).expect(400);
      expect(Date.now() - started).toBeLessThan(3000);
      const attempt = await request(withoutRedis.getHttpServer()).post('/api/v1/auth/login').send({ tenant: 'no-such-tenant', username: 'someone', password: 'a-password' });
      expect(attempt.status).toBe(500);
      expect(attempt.body.code).toBe('internal_error');
    } finally {
      await withoutRedis.close();
      // ioredis keeps a 2 s timer after closing a connection that never reached Redis (the sign-in and dashboard ones).
      await new Promise((resolve) => setTimeout(resolve, 2100));
    }
  });
});
