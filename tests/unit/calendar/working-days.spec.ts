import { execFileSync } from 'child_process';
import {
  addDays,
  addWorkingDays,
  coveredYears,
  isWorkingDay,
  parseCalendarDate,
  publicityEnd,
  workingDayDeadline,
  workingDaysBetween,
  type CalendarDate,
} from '@subsidy/calendar';

const d = (text: string): CalendarDate => parseCalendarDate(text);

/*
 * Expected values below are written from the State Council holiday notices, not read from the package:
 * 2025 (国办发明电〔2024〕12号): Spring Festival 28 Jan-4 Feb off, Sun 26 Jan and Sat 8 Feb worked; New Year 1 Jan off;
 *   National Day + Mid-Autumn 1-8 Oct off, Sun 28 Sep and Sat 11 Oct worked.
 * 2026: New Year 1-3 Jan off, Sun 4 Jan worked; Spring Festival 15-23 Feb off, Sat 14 Feb and Sat 28 Feb worked;
 *   Mid-Autumn 25-27 Sep off; National Day 1-7 Oct off, Sun 20 Sep and Sat 10 Oct worked.
 */
describe('isWorkingDay', () => {
  it.each([
    // 2025 Spring Festival
    ['2025-01-24', true], // Fri
    ['2025-01-25', false], // Sat
    ['2025-01-26', true], // Sun, make-up day
    ['2025-01-27', true], // Mon
    ['2025-01-28', false], // New Year's Eve, holiday
    ['2025-02-03', false], // Mon inside the holiday
    ['2025-02-04', false], // Tue, last holiday day
    ['2025-02-05', true],
    ['2025-02-08', true], // Sat, make-up day
    ['2025-02-09', false], // Sun
    // 2025 National Day
    ['2025-09-27', false], // Sat
    ['2025-09-28', true], // Sun, make-up day
    ['2025-09-30', true],
    ['2025-10-01', false],
    ['2025-10-06', false], // Mon, Mid-Autumn
    ['2025-10-08', false], // Wed, last holiday day
    ['2025-10-09', true],
    ['2025-10-11', true], // Sat, make-up day
    ['2025-10-12', false], // Sun
    // 2026 New Year, Spring Festival
    ['2026-01-02', false], // Fri
    ['2026-01-04', true], // Sun, make-up day
    ['2026-02-13', true], // Fri
    ['2026-02-14', true], // Sat, make-up day
    ['2026-02-15', false], // Sun, first holiday day
    ['2026-02-16', false], // Mon
    ['2026-02-23', false], // Mon, last holiday day
    ['2026-02-24', true],
    ['2026-02-28', true], // Sat, make-up day
    ['2026-03-01', false], // Sun
    // 2026 Mid-Autumn, National Day
    ['2026-09-19', false], // Sat
    ['2026-09-20', true], // Sun, make-up day
    ['2026-09-25', false], // Fri, Mid-Autumn
    ['2026-09-28', true],
    ['2026-10-01', false],
    ['2026-10-07', false], // Wed, last holiday day
    ['2026-10-08', true],
    ['2026-10-10', true], // Sat, make-up day
    ['2026-10-11', false], // Sun
    // ordinary weeks
    ['2025-03-14', true],
    ['2025-03-15', false],
    ['2025-03-16', false],
  ])('%s is a working day: %p', (date, expected) => {
    expect(isWorkingDay(d(date))).toBe(expected);
  });

  it('fails loudly, naming the year, outside the published schedules', () => {
    const after = coveredYears[coveredYears.length - 1] + 1;
    expect(() => isWorkingDay(d(`${after}-03-02`))).toThrow(
      expect.objectContaining({ code: 'holiday_schedule_unavailable', message: expect.stringContaining(String(after)) }),
    );
    expect(() => isWorkingDay(d('1999-10-01'))).toThrow(expect.objectContaining({ message: expect.stringContaining('1999') }));
  });

  it('covers 2025 and 2026', () => {
    expect(coveredYears).toEqual(expect.arrayContaining([2025, 2026]));
  });

  it('agrees with chinese-days isWorkday for every day of 2025 and 2026 (package run under Asia/Shanghai)', () => {
    // The package reads dates with local-time getters, so it is only trustworthy in a UTC+8 process.
    const script =
      "const c=require('chinese-days');const out=[];" +
      'for(let t=Date.UTC(2025,0,1);t<Date.UTC(2027,0,1);t+=86400000){const s=new Date(t).toISOString().slice(0,10);' +
      "out.push(s+(c.isWorkday(s)?'W':'R'));}process.stdout.write(out.join(','));";
    const output = execFileSync(process.execPath, ['-e', script], {
      cwd: process.cwd(),
      env: { ...process.env, TZ: 'Asia/Shanghai' },
      encoding: 'utf8',
    });
    const fromPackage = output.split(',');
    expect(fromPackage).toHaveLength(730);
    const mismatches = fromPackage.filter((entry) => isWorkingDay(d(entry.slice(0, 10))) !== (entry[10] === 'W'));
    expect(mismatches).toEqual([]);
  });

  it('gives 19 working days in January 2025 and 16 in February 2026', () => {
    expect(workingDaysBetween(d('2024-12-31'), d('2025-01-31'))).toBe(19);
    expect(workingDaysBetween(d('2026-01-31'), d('2026-02-28'))).toBe(16);
  });
});

describe('addWorkingDays (n working days after the date, the date itself not counted)', () => {
  it.each([
    // 2025 National Day
    ['2025-09-26', 1, '2025-09-28'], // Fri -> make-up Sunday
    ['2025-09-26', 2, '2025-09-29'],
    ['2025-09-26', 3, '2025-09-30'],
    ['2025-09-26', 4, '2025-10-09'], // jumps the 1-8 Oct holiday
    ['2025-09-26', 5, '2025-10-10'],
    ['2025-09-26', 6, '2025-10-11'], // make-up Saturday
    ['2025-09-26', 7, '2025-10-13'],
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-10-01', 1, '2025-10-09'], // start on a holiday
    ['2025-10-01', 0, '2025-10-01'],
    ['2025-10-10', 1, '2025-10-11'],
    ['2025-10-11', 1, '2025-10-13'],
    // 2025 Spring Festival
    ['2025-01-24', 1, '2025-01-26'],
    ['2025-01-26', 1, '2025-01-27'],
    ['2025-01-27', 1, '2025-02-05'],
    ['2025-01-27', 5, '2025-02-10'], // 5, 6, 7, Sat 8 (make-up), Mon 10 Feb
    // 2026 Spring Festival
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-13', 2, '2026-02-24'],
    ['2026-02-14', 5, '2026-02-28'],
    ['2026-02-14', 6, '2026-03-02'],
    // 2026 Mid-Autumn and National Day
    ['2026-09-18', 1, '2026-09-20'],
    ['2026-09-24', 1, '2026-09-28'],
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-09-30', 3, '2026-10-10'],
    // across the year end: 1-3 Jan 2026 off, Sun 4 Jan worked
    ['2025-12-31', 1, '2026-01-04'],
    ['2025-12-31', 2, '2026-01-05'],
    // backwards
    ['2025-10-09', -1, '2025-09-30'],
    ['2025-09-29', -1, '2025-09-28'],
    ['2026-02-24', -2, '2026-02-13'],
  ])('addWorkingDays(%s, %i) = %s', (date, n, expected) => {
    expect(addWorkingDays(d(date), n)).toBe(expected);
  });

  it('raises naming 2027 when the count runs past the published schedule', () => {
    expect(() => addWorkingDays(d('2026-12-31'), 1)).toThrow(
      expect.objectContaining({ code: 'holiday_schedule_unavailable', path: 'n', message: expect.stringContaining('2027') }),
    );
    expect(() => workingDaysBetween(d('2026-12-01'), d('2027-01-15'))).toThrow(
      expect.objectContaining({ path: 'b', message: expect.stringContaining('2027') }),
    );
  });

  it('rejects a fractional count', () => {
    expect(() => addWorkingDays(d('2025-03-03'), 2.5)).toThrow(expect.objectContaining({ code: 'invalid_argument', path: 'n' }));
  });

  it('closes a 5-working-day correction period at the end of the day, China time', () => {
    // Submitted Fri 26 Sep 2025: 28, 29, 30 Sep, 9, 10 Oct -> deadline 10 Oct 23:59:59.999 CST.
    expect(workingDayDeadline(d('2025-09-26'), 5).toISOString()).toBe('2025-10-10T15:59:59.999Z');
  });
});

describe('workingDaysBetween (working days in (a, b])', () => {
  it.each([
    ['2025-09-30', '2025-10-13', 4],
    ['2025-09-26', '2025-10-13', 7],
    ['2025-10-13', '2025-09-26', -7],
    ['2025-10-01', '2025-10-08', 0],
    ['2025-10-01', '2025-10-01', 0],
    ['2026-02-13', '2026-02-28', 6],
    ['2025-12-31', '2026-01-04', 1],
  ])('workingDaysBetween(%s, %s) = %i', (a, b, expected) => {
    expect(workingDaysBetween(d(a), d(b))).toBe(expected);
  });

  it('inverts addWorkingDays for every start in Sep-Oct 2025 and Feb 2026', () => {
    const starts = [
      ...Array.from({ length: 61 }, (_, i) => addDays(d('2025-09-01'), i)),
      ...Array.from({ length: 28 }, (_, i) => addDays(d('2026-02-01'), i)),
    ];
    for (const start of starts) {
      for (const n of [0, 1, 3, 7]) expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n);
    }
  });
});

describe('publicityEnd (start counted as day 1)', () => {
  it.each([
    ['2025-10-01', 7, 'calendar', '2025-10-07'],
    ['2025-09-30', 5, 'calendar', '2025-10-04'],
    ['2026-02-14', 10, 'calendar', '2026-02-23'],
    ['2025-10-01', 1, 'calendar', '2025-10-01'],
    ['2025-09-30', 5, 'working', '2025-10-13'], // 30 Sep, 9, 10, 11 (Sat, make-up), 13 Oct
    ['2025-10-01', 5, 'working', '2025-10-14'], // starts on a holiday: day 1 is 9 Oct
    ['2025-09-28', 1, 'working', '2025-09-28'], // make-up Sunday counts
    ['2025-09-27', 1, 'working', '2025-09-28'],
    ['2026-02-13', 7, 'working', '2026-02-28'], // 13, 14 (Sat), 24, 25, 26, 27, 28 (Sat)
    ['2026-02-15', 5, 'working', '2026-02-28'],
    ['2026-09-18', 5, 'working', '2026-09-23'], // 18, 20 (Sun), 21, 22, 23
    ['2026-09-30', 5, 'working', '2026-10-12'], // 30 Sep, 8, 9, 10 (Sat) Oct, 12 Oct
  ] as const)('publicityEnd(%s, %i %s days) = %s', (start, days, unit, expected) => {
    expect(publicityEnd(d(start), { days, unit })).toBe(expected);
  });

  it.each([0, -1, 2.5])('rejects %p days, naming options.days', (days) => {
    expect(() => publicityEnd(d('2025-10-01'), { days, unit: 'calendar' })).toThrow(
      expect.objectContaining({ code: 'invalid_argument', path: 'options.days' }),
    );
  });

  it('rejects an unknown unit', () => {
    const period = JSON.parse('{"days":5,"unit":"weeks"}') as { days: number; unit: 'calendar' };
    expect(() => publicityEnd(d('2025-10-01'), period)).toThrow(expect.objectContaining({ path: 'options.unit' }));
  });

  it('fails naming the year when a working-day publicity runs past the schedule', () => {
    expect(() => publicityEnd(d('2026-12-28'), { days: 10, unit: 'working' })).toThrow(
      expect.objectContaining({ code: 'holiday_schedule_unavailable', path: 'options.days', message: expect.stringContaining('2027') }),
    );
    expect(() => publicityEnd(d('2027-01-04'), { days: 5, unit: 'working' })).toThrow(expect.objectContaining({ path: 'start' }));
  });
});
