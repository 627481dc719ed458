import { CalendarDate, addDays, dayNumberOf, parseCalendarDate, weekdayOf } from './calendar-date';
import { CalendarError } from './calendar-error';
import { cstEndOfDay } from './cst';
import { assertYearCovered, isMakeUpWorkday, isScheduledHoliday } from './holiday-schedule';

/**
 * Mainland China working days (工作日): Monday to Friday unless the State Council gives the day off, plus the
 * Saturdays and Sundays it declares make-up working days. Any date whose year has no published schedule raises
 * `holiday_schedule_unavailable` naming that year instead of guessing from the weekday.
 */
export function isWorkingDay(date: CalendarDate, path = 'date'): boolean {
  parseCalendarDate(date, path);
  assertYearCovered(date, path);
  if (isMakeUpWorkday(date)) return true;
  const weekday = weekdayOf(date);
  return weekday >= 1 && weekday <= 5 && !isScheduledHoliday(date);
}

/**
 * The date that is `n` working days after `date`, not counting `date` itself (whether or not it is a working day):
 * addWorkingDays(Fri 2025-09-26, 1) is Sun 2025-09-28 (a make-up workday). n = 0 returns `date` unchanged; negative n
 * counts backwards the same way.
 *
 * Deadline convention: "within 5 working days of a submission on D" (e.g. 补正 within 5 working days) ends at
 * `cstEndOfDay(addWorkingDays(D, 5))` inclusive; see `workingDayDeadline`.
 */
export function addWorkingDays(date: CalendarDate, n: number): CalendarDate {
  return stepWorkingDays(date, n, 'n');
}

/** addWorkingDays, blaming `countPath` when the count runs into a year without a published schedule. */
export function stepWorkingDays(date: CalendarDate, n: number, countPath: string): CalendarDate {
  parseCalendarDate(date, 'date');
  if (!Number.isSafeInteger(n)) throw new CalendarError('invalid_argument', `${countPath}: ${n} is not a whole number`, countPath);
  const step = n >= 0 ? 1 : -1;
  let remaining = Math.abs(n);
  let current = date;
  while (remaining > 0) {
    current = addDays(current, step);
    if (isWorkingDay(current, countPath)) remaining -= 1;
  }
  return current;
}

/**
 * The number of working days in the half-open range (a, b]: after `a`, up to and including `b`; negative when b is
 * before a. It is the inverse of addWorkingDays: workingDaysBetween(D, addWorkingDays(D, n)) === n.
 */
export function workingDaysBetween(a: CalendarDate, b: CalendarDate): number {
  parseCalendarDate(a, 'a');
  parseCalendarDate(b, 'b');
  // Ends first, so an uncovered year is blamed on the argument that reaches it.
  assertYearCovered(a, 'a');
  assertYearCovered(b, 'b');
  if (a === b) return 0;
  const [from, to, sign] = a < b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  const days = dayNumberOf(to) - dayNumberOf(from);
  for (let offset = 1; offset <= days; offset += 1) {
    if (isWorkingDay(addDays(from, offset))) count += 1;
  }
  return sign * count;
}

/** The instant a "within n working days of D" period closes: the end of addWorkingDays(D, n), China Standard Time. */
export function workingDayDeadline(date: CalendarDate, n: number): Date {
  return cstEndOfDay(addWorkingDays(date, n));
}
