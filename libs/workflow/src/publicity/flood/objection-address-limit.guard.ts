import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@subsidy/config';
import type { Request, Response } from 'express';
import Redis from 'ioredis';
import { ObjectionRateLimitedError } from '../publicity-errors';
import { PUBLICITY_REDIS } from './publicity-redis.provider';

/**
 * A fixed window per key: the first request starts it (PEXPIRE), later ones only count, so refused requests do not
 * push the window out. One round trip, atomic, whichever API process serves the request.
 */
const COUNT_IN_WINDOW = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { count, ttl }
`;

/**
 * At most `objections.addressLimit` objection submissions per client address per `objections.addressWindowSeconds`,
 * counted in Redis under `<redis.prefix>:objections:address:<ip>` and shared by every API process; beyond it 429
 * `objection_rate_limited` with Retry-After. It runs before validation, so malformed floods count too. The address is
 * Express's `request.ip` (X-Forwarded-For only through the configured proxies, TRUST_PROXY_HOPS).
 *
 * If Redis cannot be reached the submission goes through (and a warning is logged): objecting is a citizen's right
 * with a deadline, PostgreSQL still records everything, and the per-contact limits still hold.
 */
@Injectable()
export class ObjectionAddressLimitGuard implements CanActivate {
  private readonly logger = new Logger(ObjectionAddressLimitGuard.name);

  constructor(
    @Inject(PUBLICITY_REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const { addressLimit, addressWindowSeconds } = this.config.objections;
    const key = `${this.config.redis.prefix}:objections:address:${request.ip ?? request.socket.remoteAddress ?? 'unknown'}`;
    let counted: [number, number];
    try {
      counted = (await this.redis.eval(COUNT_IN_WINDOW, 1, key, String(addressWindowSeconds * 1000))) as [number, number];
    } catch (error) {
      this.logger.warn({ err: error }, 'Objection address limit not checked: Redis unavailable');
      return true;
    }
    const [count, ttlMs] = counted;
    if (count <= addressLimit) return true;
    const retryAfter = Math.max(1, Math.ceil(ttlMs / 1000));
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    throw new ObjectionRateLimitedError(retryAfter);
  }
}
