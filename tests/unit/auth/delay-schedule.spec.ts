import { delayAfter, remainingDelay } from '@subsidy/auth';

describe('sign-in delay schedule', () => {
  const rule = { freeFailures: 5, baseMs: 1000, capMs: 900_000 };

  it('imposes nothing up to the free failures, then doubles from the base', () => {
    expect([0, 1, 4].map((n) => delayAfter(n, rule))).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8, 9].map((n) => delayAfter(n, rule))).toEqual([1000, 2000, 4000, 8000, 16_000]);
  });

  it('never grows beyond the cap, however many failures (no lock)', () => {
    expect(delayAfter(15, rule)).toBe(900_000);
    expect(delayAfter(10_000, rule)).toBe(900_000);
  });

  it('counts the wait from the last failure', () => {
    expect(remainingDelay(6, 10_000, 10_500, rule)).toBe(1500);
    expect(remainingDelay(6, 10_000, 12_000, rule)).toBe(0);
    expect(remainingDelay(2, 10_000, 10_000, rule)).toBe(0);
  });
});
