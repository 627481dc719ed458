import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@subsidy/config';
import Redis from 'ioredis';
import { LoginLockedError } from '../auth-errors';
import { AUTH_REDIS } from './auth-redis.provider';

/**
 * Many users of one government office share a NAT address, so the per-address budget is this multiple of the
 * per-account one; it still stops one machine from spraying passwords across accounts.
 */
export const IP_FAILURE_MULTIPLIER = 4;

export interface LoginAttempt {
  tenantId: string;
  username: string;
  ip: string;
}

/**
 * Counts failed sign-ins in Redis per (tenant, username) and per client address. Each failure extends the window,
 * so once the limit is reached the account (or address) stays locked for `loginLockSeconds` after the last failure.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(AUTH_REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assertNotLocked(attempt: LoginAttempt): Promise<void> {
    const [userKey, ipKey] = this.keys(attempt);
    const max = this.config.auth.loginMaxFailures;
    const result = await this.redis.multi().get(userKey).pttl(userKey).get(ipKey).pttl(ipKey).exec();
    const value = (index: number): number => Number(result?.[index]?.[1] ?? 0) || 0;
    const retryAfter = Math.max(
      value(0) >= max ? Math.ceil(value(1) / 1000) : 0,
      value(2) >= max * IP_FAILURE_MULTIPLIER ? Math.ceil(value(3) / 1000) : 0,
    );
    if (retryAfter > 0) throw new LoginLockedError(retryAfter);
  }

  async recordFailure(attempt: LoginAttempt): Promise<void> {
    const ttl = this.config.auth.loginLockSeconds;
    const [userKey, ipKey] = this.keys(attempt);
    await this.redis.multi().incr(userKey).expire(userKey, ttl).incr(ipKey).expire(ipKey, ttl).exec();
  }

  async recordSuccess(attempt: LoginAttempt): Promise<void> {
    await this.redis.del(this.keys(attempt)[0]);
  }

  private keys(attempt: LoginAttempt): [string, string] {
    const prefix = `${this.config.redis.prefix}:auth:login-failures`;
    // Tenant ids cannot contain ':', so the username after them is unambiguous whatever it contains.
    return [`${prefix}:user:${attempt.tenantId}:${attempt.username}`, `${prefix}:ip:${attempt.ip}`];
  }
}
