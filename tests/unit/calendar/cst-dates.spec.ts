import {
  CalendarError,
  addDays,
  calendarDate,
  cstDateOf,
  cstEndOfDay,
  cstStartOfDay,
  daysBetween,
  formatCstDateTime,
  isCalendarDate,
  parseCalendarDate,
  parseInstant,
  weekdayOf,
  type CalendarDate,
} from '@subsidy/calendar';

const d = (text: string): CalendarDate => parseCalendarDate(text);

// These tests must pass whatever the process TZ is; CI runs them under TZ=UTC and TZ=America/New_York. (Jest
// sandboxes process.env, so the zone cannot be switched from inside a test.)

describe('CalendarDate validation', () => {
  it.each([
    ['2025-10-01', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2025-02-29', false],
    ['1900-02-29', false],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-1-01', false],
    ['2025-01-01T00:00:00Z', false],
    [' 2025-01-01', false],
    ['', false],
    [20250101, false],
    [null, false],
  ])('isCalendarDate(%p) is %p', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it('names the field when parsing fails', () => {
    expect(() => parseCalendarDate('2025-02-30', 'call.opensOn')).toThrow(
      expect.objectContaining({ code: 'invalid_calendar_date', path: 'call.opensOn', message: expect.stringContaining('call.opensOn') }),
    );
    expect(() => parseCalendarDate(42, 'publicity.start')).toThrow(CalendarError);
  });

  it('builds dates from parts and rejects impossible ones', () => {
    expect(calendarDate(2026, 2, 3)).toBe('2026-02-03');
    expect(() => calendarDate(2026, 2, 29)).toThrow(CalendarError);
  });
});

describe('calendar arithmetic', () => {
  it.each([
    ['2025-09-30', 1, '2025-10-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2025-01-01', 365, '2026-01-01'],
    ['2025-10-01', 0, '2025-10-01'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(d(date), days)).toBe(expected);
  });

  it.each([
    ['2025-10-01', 3],
    ['2025-09-28', 0],
    ['2025-10-11', 6],
    ['2026-02-15', 0],
    ['2026-02-23', 1],
    ['2026-10-10', 6],
  ])('weekdayOf(%s) = %i', (date, weekday) => {
    expect(weekdayOf(d(date))).toBe(weekday);
  });

  it('counts calendar days with a sign', () => {
    expect(daysBetween(d('2025-10-01'), d('2025-10-08'))).toBe(7);
    expect(daysBetween(d('2025-10-08'), d('2025-10-01'))).toBe(-7);
    expect(daysBetween(d('2024-01-01'), d('2025-01-01'))).toBe(366);
  });

  it('rejects a fractional day count', () => {
    expect(() => addDays(d('2025-10-01'), 1.5)).toThrow(expect.objectContaining({ code: 'invalid_argument', path: 'days' }));
  });
});

describe('China Standard Time instants', () => {
  it.each([
    ['2025-09-30T15:59:59.999Z', '2025-09-30'],
    ['2025-09-30T16:00:00.000Z', '2025-10-01'],
    ['2025-12-31T16:00:00.000Z', '2026-01-01'],
    ['2026-02-28T23:59:59.999Z', '2026-03-01'],
    ['2024-02-28T16:00:00.000Z', '2024-02-29'],
  ])('cstDateOf(%s) = %s', (iso, expected) => {
    expect(cstDateOf(new Date(iso))).toBe(expected);
  });

  it.each([
    ['2025-10-01', '2025-09-30T16:00:00.000Z', '2025-10-01T15:59:59.999Z'],
    ['2026-01-01', '2025-12-31T16:00:00.000Z', '2026-01-01T15:59:59.999Z'],
    ['2024-02-29', '2024-02-28T16:00:00.000Z', '2024-02-29T15:59:59.999Z'],
  ])('day %s runs from %s to %s', (date, start, end) => {
    expect(cstStartOfDay(d(date)).toISOString()).toBe(start);
    expect(cstEndOfDay(d(date)).toISOString()).toBe(end);
    expect(cstDateOf(cstStartOfDay(d(date)))).toBe(date);
    expect(cstDateOf(cstEndOfDay(d(date)))).toBe(date);
    expect(cstDateOf(new Date(cstEndOfDay(d(date)).getTime() + 1))).toBe(addDays(d(date), 1));
  });

  it('formats an instant as CST with its offset', () => {
    expect(formatCstDateTime(new Date('2025-09-30T16:00:00Z'))).toBe('2025-10-01T00:00:00.000+08:00');
    expect(formatCstDateTime(new Date('2025-10-01T04:30:15.250Z'))).toBe('2025-10-01T12:30:15.250+08:00');
  });

  it.each([
    ['2025-10-01T00:00:00+08:00', '2025-09-30T16:00:00.000Z'],
    ['2025-10-01T00:00:00Z', '2025-10-01T00:00:00.000Z'],
    ['2025-10-01T08:00+08:00', '2025-10-01T00:00:00.000Z'],
    ['2025-09-30T12:00:00.5-04:00', '2025-09-30T16:00:00.500Z'],
  ])('parseInstant(%s) = %s', (text, iso) => {
    expect(parseInstant(text).toISOString()).toBe(iso);
  });

  it.each([['2025-10-01T00:00:00'], ['2025-10-01'], ['2025-02-30T00:00:00Z'], ['yesterday'], [1700000000000]])(
    'parseInstant refuses %p, naming the field',
    (value) => {
      expect(() => parseInstant(value, 'submittedAt')).toThrow(expect.objectContaining({ code: 'invalid_instant', path: 'submittedAt' }));
    },
  );

  it('refuses an invalid Date', () => {
    expect(() => cstDateOf(new Date('nonsense'))).toThrow(expect.objectContaining({ code: 'invalid_instant' }));
  });
});
