import { AppConfig } from '@subsidy/config';
import { closeRedisConnection, createRedisConnection } from '@subsidy/queue';

/** Deletes every Redis key of this test file's prefix (SCAN + DEL; other files share the server, so never FLUSHALL). */
export async function deleteRedisKeys(config: AppConfig): Promise<number> {
  const redis = createRedisConnection(config, 'test-cleanup');
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.redis.prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    await closeRedisConnection(redis);
  }
  return deleted;
}
