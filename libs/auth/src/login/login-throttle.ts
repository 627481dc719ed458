import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { APP_CONFIG, AppConfig } from '@subsidy/config';
import Redis from 'ioredis';
import { LoginDelayedError } from '../auth-errors';
import { AUTH_REDIS } from './auth-redis.provider';
import { DelayRule } from './delay-schedule';

/**
 * Many users of one government office share a NAT address, so an address gets this many times the free failures of
 * one account from one address; it still slows down one machine spraying passwords across accounts.
 */
export const ADDRESS_FREE_MULTIPLIER = 10;
/**
 * An account attacked from many addresses at once: a much looser budget, because every address that fails here delays
 * the owner too. Only a distributed attack reaches it, and an administrator's unlock clears it.
 */
export const ACCOUNT_FREE_MULTIPLIER = 20;
/** Failures are forgotten this long after the last one (at least twice the longest delay). */
export const FAILURE_MEMORY_MS = 24 * 3600 * 1000;
export const BASE_DELAY_MS = 1000;

export interface LoginAttempt {
  tenantId: string;
  username: string;
  ip: string;
}

/**
 * Atomically: if any of the three counters still imposes a delay, answer it (ms); otherwise count this attempt as a
 * failure in advance (so a burst of parallel guesses cannot all pass before the first failure is recorded) and answer 0.
 * The delay is `delayAfter` of ./delay-schedule, computed here again so that check and count are one step.
 * KEYS: account hash (fields `<pair>:n|t` per address and `all:n|t`), address hash (`n`, `t`).
 * ARGV: now, pair field prefix, memory ms, then free/base/cap for the pair, the address and the account.
 */
const BEGIN_ATTEMPT = `
local now = tonumber(ARGV[1])
local function wait(n, t, free, base, cap)
  n = tonumber(n) or 0
  t = tonumber(t) or 0
  if n < free then return 0 end
  local d = base * 2 ^ math.min(n - free, 31)
  if d > cap then d = cap end
  local r = t + d - now
  if r < 0 then return 0 end
  return r
end
local pair = ARGV[2]
local a = redis.call('HMGET', KEYS[1], pair .. ':n', pair .. ':t', 'all:n', 'all:t')
local b = redis.call('HMGET', KEYS[2], 'n', 't')
local w = math.max(
  wait(a[1], a[2], tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])),
  wait(b[1], b[2], tonumber(ARGV[7]), tonumber(ARGV[8]), tonumber(ARGV[9])),
  wait(a[3], a[4], tonumber(ARGV[10]), tonumber(ARGV[11]), tonumber(ARGV[12])))
if w > 0 then return math.ceil(w) end
redis.call('HINCRBY', KEYS[1], pair .. ':n', 1)
redis.call('HINCRBY', KEYS[1], 'all:n', 1)
redis.call('HSET', KEYS[1], pair .. ':t', now, 'all:t', now)
redis.call('HINCRBY', KEYS[2], 'n', 1)
redis.call('HSET', KEYS[2], 't', now)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return 0
`;

/**
 * The attempt succeeded: forget this address's failures for the account, and take back the failure counted in advance
 * from the account-wide and address counters (guarded, so an expired key is not recreated without a TTL).
 */
const ATTEMPT_SUCCEEDED = `
redis.call('HDEL', KEYS[1], ARGV[1] .. ':n', ARGV[1] .. ':t')
if (tonumber(redis.call('HGET', KEYS[1], 'all:n')) or 0) > 0 then redis.call('HINCRBY', KEYS[1], 'all:n', -1) end
if (tonumber(redis.call('HGET', KEYS[2], 'n')) or 0) > 0 then redis.call('HINCRBY', KEYS[2], 'n', -1) end
return 0
`;

/**
 * Growing delays on failed sign-ins, kept in Redis so every API process shares them. Three counters, each with its
 * own budget: the account from one address (`auth.loginMaxFailures` free failures), the address across accounts, and
 * the account from every address. An attacker's address is slowed to one guess per `auth.loginLockSeconds`, while the
 * owner signing in from another address is not delayed by it. Nothing locks for good; an administrator can clear an
 * account's delays (`POST /users/:id/login-unlock`).
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(AUTH_REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The three rules derived from configuration. */
  rules(): { pair: DelayRule; address: DelayRule; account: DelayRule } {
    const free = this.config.auth.loginMaxFailures;
    const capMs = this.config.auth.loginLockSeconds * 1000;
    return {
      pair: { freeFailures: free, baseMs: BASE_DELAY_MS, capMs },
      address: { freeFailures: free * ADDRESS_FREE_MULTIPLIER, baseMs: BASE_DELAY_MS, capMs },
      account: { freeFailures: free * ACCOUNT_FREE_MULTIPLIER, baseMs: BASE_DELAY_MS, capMs },
    };
  }

  /** Throws LoginDelayedError (429, Retry-After) while delayed; otherwise counts the attempt as failed until `succeeded`. */
  async begin(attempt: LoginAttempt): Promise<void> {
    const { pair, address, account } = this.rules();
    const memoryMs = Math.max(FAILURE_MEMORY_MS, 2 * pair.capMs);
    const waitMs = Number(
      await this.redis.eval(
        BEGIN_ATTEMPT,
        2,
        this.accountKey(attempt.tenantId, attempt.username),
        this.addressKey(attempt.ip),
        this.clock.now().getTime(),
        this.pairField(attempt.ip),
        memoryMs,
        ...[pair, address, account].flatMap((rule) => [rule.freeFailures, rule.baseMs, rule.capMs]),
      ),
    );
    if (waitMs > 0) throw new LoginDelayedError(Math.ceil(waitMs / 1000));
  }

  async succeeded(attempt: LoginAttempt): Promise<void> {
    await this.redis.eval(ATTEMPT_SUCCEEDED, 2, this.accountKey(attempt.tenantId, attempt.username), this.addressKey(attempt.ip), this.pairField(attempt.ip));
  }

  /** An administrator's unlock: the account's delays from every address are forgotten (an address's own budget stays). */
  async unlock(tenantId: string, username: string): Promise<void> {
    await this.redis.del(this.accountKey(tenantId, username));
  }

  private accountKey(tenantId: string, username: string): string {
    // Tenant ids cannot contain ':', so the username after them is unambiguous whatever it contains.
    return `${this.config.redis.prefix}:auth:login:account:${tenantId}:${username}`;
  }

  private addressKey(ip: string): string {
    return `${this.config.redis.prefix}:auth:login:address:${ip}`;
  }

  private pairField(ip: string): string {
    return `ip:${ip}`;
  }
}
