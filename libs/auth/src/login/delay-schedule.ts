/** How one counter (an account from one address, an address, an account from everywhere) slows sign-in down. */
export interface DelayRule {
  /** Failures allowed before any delay. */
  freeFailures: number;
  /** The delay after the first failure past the free ones; it doubles with each further failure. */
  baseMs: number;
  /** The delay never grows beyond this, so nobody is ever locked out for longer. */
  capMs: number;
}

/**
 * The wait imposed after `failures` failed attempts: none up to `freeFailures`, then base, 2·base, 4·base, … up to the
 * cap. Growing delays rather than a lock: an attacker's guesses slow to one per cap, while the account's owner is at
 * most delayed, never shut out.
 */
export function delayAfter(failures: number, rule: DelayRule): number {
  if (failures < rule.freeFailures) return 0;
  const doublings = failures - rule.freeFailures;
  // 2^31 ms is already 24 days: beyond that, only the cap matters (and the exponent would overflow).
  if (doublings >= 31) return rule.capMs;
  return Math.min(rule.capMs, rule.baseMs * 2 ** doublings);
}

/** Milliseconds still to wait at `nowMs`, given the counter's failures and the time of its last failure. */
export function remainingDelay(failures: number, lastFailureMs: number, nowMs: number, rule: DelayRule): number {
  const delay = delayAfter(failures, rule);
  return delay === 0 ? 0 : Math.max(0, lastFailureMs + delay - nowMs);
}
