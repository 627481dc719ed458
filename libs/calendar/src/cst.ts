import { CalendarDate, calendarDate, dayNumberOf, isCalendarDate } from './calendar-date';
import { CalendarError } from './calendar-error';

/**
 * China Standard Time is UTC+8 all year (no daylight saving since 1991), so converting is a fixed offset. Everything
 * here works on epoch milliseconds and UTC getters only: the process's TZ setting never changes a result.
 */
export const CST_OFFSET_MS = 8 * 3_600_000;
const MS_PER_DAY = 86_400_000;

function assertInstant(instant: Date, path: string): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new CalendarError('invalid_instant', `${path}: not a valid instant`, path);
  return ms;
}

/** The calendar date in China at `instant`. */
export function cstDateOf(instant: Date): CalendarDate {
  const shifted = new Date(assertInstant(instant, 'instant') + CST_OFFSET_MS);
  return calendarDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** 00:00:00.000 CST of `date` as an instant. */
export function cstStartOfDay(date: CalendarDate): Date {
  return new Date(dayNumberOf(date) * MS_PER_DAY - CST_OFFSET_MS);
}

/**
 * 23:59:59.999 CST of `date` as an instant: the last moment that still counts as "on" that day, so a deadline check
 * is `submittedAt <= cstEndOfDay(deadline)`.
 */
export function cstEndOfDay(date: CalendarDate): Date {
  return new Date(cstStartOfDay(date).getTime() + MS_PER_DAY - 1);
}

/** ISO 8601 with the +08:00 offset, e.g. `2025-10-01T08:30:00.000+08:00`, for texts shown to Chinese users. */
export function formatCstDateTime(instant: Date): string {
  const shifted = new Date(assertInstant(instant, 'instant') + CST_OFFSET_MS);
  return `${shifted.toISOString().slice(0, 23)}+08:00`;
}

/**
 * Parses an ISO 8601 timestamp that states its offset (`Z` or `±HH:MM`); a timestamp without an offset is refused
 * because `new Date()` would read it in the machine's zone.
 */
export function parseInstant(value: unknown, path = 'instant'): Date {
  // Every part in range (no 24:00, no :60, offsets within ±14:00) and the date a real one: only real moments pass.
  const pattern = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;
  if (typeof value !== 'string' || !pattern.test(value) || !isCalendarDate(value.slice(0, 10))) {
    throw new CalendarError('invalid_instant', `${path}: expected an ISO 8601 timestamp with an offset, e.g. 2025-10-01T08:00:00+08:00`, path);
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw new CalendarError('invalid_instant', `${path}: "${value}" is not a real moment`, path);
  return instant;
}
