import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, AppConfig } from '@subsidy/config';
import { RedisThrottlerStorage } from './redis-throttler-storage';

@Module({ providers: [RedisThrottlerStorage], exports: [RedisThrottlerStorage] })
class RateLimitStorageModule {}

/** Every client address gets `RATE_LIMIT_PER_MINUTE` requests per route and minute, counted in Redis (shared by all API processes). */
export const RateLimitModule = ThrottlerModule.forRootAsync({
  imports: [RateLimitStorageModule],
  inject: [APP_CONFIG, RedisThrottlerStorage],
  useFactory: (config: AppConfig, storage: RedisThrottlerStorage) => ({
    throttlers: [{ ttl: 60_000, limit: config.http.rateLimitPerMinute }],
    storage,
  }),
});
