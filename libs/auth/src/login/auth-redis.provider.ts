import { Inject, Injectable, OnModuleDestroy, Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@subsidy/config';
import Redis from 'ioredis';

export const AUTH_REDIS = Symbol('AUTH_REDIS');

export const authRedisProvider: Provider = {
  provide: AUTH_REDIS,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): Redis => new Redis(config.redis.url, { maxRetriesPerRequest: 2, lazyConnect: false }),
};

/** Closes the connection with the application so processes and test runs exit cleanly. */
@Injectable()
export class AuthRedisCloser implements OnModuleDestroy {
  constructor(@Inject(AUTH_REDIS) private readonly redis: Redis) {}

  async onModuleDestroy(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
