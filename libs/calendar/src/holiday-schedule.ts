import schedule from 'chinese-days/dist/chinese-days.json';
import { CalendarDate, yearOf } from './calendar-date';
import { CalendarError } from './calendar-error';

/**
 * The State Council holiday schedule as published by the `chinese-days` package, read from its static data file.
 * We do not call the package's `isWorkday`: its date helper formats with local-time getters, so under a western TZ
 * (e.g. America/New_York) `isWorkday('2025-10-01')` looks up 2025-09-30. The data file was generated once and is
 * plain `YYYY-MM-DD` keys, which we combine with a TZ-free weekday computation.
 */
interface ScheduleData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const data: ScheduleData = schedule;

/** Years for which the package carries the State Council's notice; outside them a weekday guess could be wrong. */
export const coveredYears: readonly number[] = [...new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))))].sort(
  (a, b) => a - b,
);
const covered = new Set(coveredYears);

export function assertYearCovered(date: CalendarDate, path: string): void {
  const year = yearOf(date);
  if (covered.has(year)) return;
  const first = coveredYears[0];
  const last = coveredYears[coveredYears.length - 1];
  throw new CalendarError(
    'holiday_schedule_unavailable',
    `${path}: no State Council holiday schedule for ${year} is known (chinese-days covers ${first}-${last}); ` +
      `update the chinese-days package once the ${year} notice is published`,
    path,
  );
}

/** A statutory holiday or bridge day off (放假), on whatever weekday it falls. */
export function isScheduledHoliday(date: CalendarDate): boolean {
  return Object.prototype.hasOwnProperty.call(data.holidays, date);
}

/** A Saturday or Sunday made a working day to bridge a holiday (调休上班). */
export function isMakeUpWorkday(date: CalendarDate): boolean {
  return Object.prototype.hasOwnProperty.call(data.workdays, date);
}
