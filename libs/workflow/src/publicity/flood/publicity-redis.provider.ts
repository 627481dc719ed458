import { Inject, Injectable, OnModuleDestroy, Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@subsidy/config';
import Redis from 'ioredis';

export const PUBLICITY_REDIS = Symbol('PUBLICITY_REDIS');

/**
 * The Redis connection of the public objection limits. Lazy: the worker loads this module too but never counts
 * objections, so it never connects.
 */
export const publicityRedisProvider: Provider = {
  provide: PUBLICITY_REDIS,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): Redis => new Redis(config.redis.url, { maxRetriesPerRequest: 2, lazyConnect: true, connectionName: 'subsidy-hub:objection-limits' }),
};

/** Closes the connection with the application so processes and test runs exit cleanly. */
@Injectable()
export class PublicityRedisCloser implements OnModuleDestroy {
  constructor(@Inject(PUBLICITY_REDIS) private readonly redis: Redis) {}

  async onModuleDestroy(): Promise<void> {
    if (this.redis.status === 'wait' || this.redis.status === 'end') {
      this.redis.disconnect();
      return;
    }
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
