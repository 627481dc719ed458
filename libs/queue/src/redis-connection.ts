import { AppConfig } from '@subsidy/config';
import IORedis, { Redis } from 'ioredis';

export type RedisConnectionUse = 'worker' | 'client';

/**
 * One ioredis connection for BullMQ; keys are namespaced by `config.redis.prefix`, which every Queue/Worker is given.
 * A worker connection waits out a Redis outage (`maxRetriesPerRequest: null`, which BullMQ requires for blocking
 * commands). A client connection (relay, dashboard) fails a command after a few reconnect attempts instead, so a relay
 * poll errors and is retried on the next poll rather than hanging with its outbox rows locked.
 */
export function createRedisConnection(config: AppConfig, purpose: string, use: RedisConnectionUse = 'client'): Redis {
  return new IORedis(config.redis.url, {
    maxRetriesPerRequest: use === 'worker' ? null : 3,
    connectionName: `subsidy-hub:${purpose}`,
  });
}

/** Closes a connection politely, falling back to a hard disconnect when Redis is unreachable. */
export async function closeRedisConnection(connection: Redis): Promise<void> {
  if (connection.status === 'end') return;
  try {
    await connection.quit();
  } catch {
    connection.disconnect();
  }
}
