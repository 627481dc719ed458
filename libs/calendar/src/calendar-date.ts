import { CalendarError } from './calendar-error';

/**
 * A China Standard Time calendar day written `YYYY-MM-DD`. The brand means "validated"; plain string comparison orders
 * two CalendarDates chronologically. Build one with `parseCalendarDate`, `calendarDate` or `cstDateOf`.
 */
export type CalendarDate = string & { readonly __calendarDate: unique symbol };

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Validates untrusted input; the error names `path` so an API can point at the field. */
export function parseCalendarDate(value: unknown, path = 'date'): CalendarDate {
  if (isCalendarDate(value)) return value;
  const shown = typeof value === 'string' ? `"${value}"` : typeof value;
  throw new CalendarError('invalid_calendar_date', `${path}: ${shown} is not a calendar date YYYY-MM-DD`, path);
}

/** The date with the given parts; month and day are 1-based. */
export function calendarDate(year: number, month: number, day: number): CalendarDate {
  return parseCalendarDate(
    `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    'calendarDate',
  );
}

export function partsOf(date: CalendarDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

/** Days since 1970-01-01; pure arithmetic on the date's parts, so the machine's time zone never enters. */
export function dayNumberOf(date: CalendarDate): number {
  const { year, month, day } = partsOf(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function dateOfDayNumber(dayNumber: number): CalendarDate {
  const utc = new Date(dayNumber * MS_PER_DAY);
  return calendarDate(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
}

/** The date `days` calendar days later (negative: earlier). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isSafeInteger(days)) throw new CalendarError('invalid_argument', `days: ${days} is not a whole number`, 'days');
  return dateOfDayNumber(dayNumberOf(date) + days);
}

/** Signed number of calendar days from `a` to `b` (b - a). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return dayNumberOf(b) - dayNumberOf(a);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(date: CalendarDate): number {
  return new Date(dayNumberOf(date) * MS_PER_DAY).getUTCDay();
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
