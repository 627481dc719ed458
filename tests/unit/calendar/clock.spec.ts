import { CalendarError, FixedClock, ManualClock, SystemClock, cstToday } from '@subsidy/calendar';

describe('clocks', () => {
  it('FixedClock always returns the same instant, and a copy each time', () => {
    const clock = new FixedClock(new Date('2025-09-30T16:30:00Z'));
    const first = clock.now();
    first.setTime(0);
    expect(clock.now().toISOString()).toBe('2025-09-30T16:30:00.000Z');
  });

  it('ManualClock moves only when told', () => {
    const clock = new ManualClock(new Date('2025-09-30T15:00:00Z'));
    expect(cstToday(clock)).toBe('2025-09-30');
    clock.advance(60 * 60 * 1000);
    expect(clock.now().toISOString()).toBe('2025-09-30T16:00:00.000Z');
    expect(cstToday(clock)).toBe('2025-10-01');
    clock.advanceDays(7);
    expect(cstToday(clock)).toBe('2025-10-08');
    clock.set(new Date('2026-02-14T01:00:00Z'));
    expect(cstToday(clock)).toBe('2026-02-14');
  });

  it.each([-1, 1.5, Number.NaN])('ManualClock refuses to advance by %p', (ms) => {
    const clock = new ManualClock(new Date('2025-01-01T00:00:00Z'));
    expect(() => clock.advance(ms)).toThrow(CalendarError);
    expect(clock.now().toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });

  it('refuses an invalid starting instant', () => {
    expect(() => new FixedClock(new Date('garbage'))).toThrow(expect.objectContaining({ code: 'invalid_instant' }));
    expect(() => new ManualClock(new Date(Number.NaN))).toThrow(CalendarError);
  });

  it('SystemClock reads the real time', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
