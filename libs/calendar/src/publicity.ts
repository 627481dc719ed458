import { CalendarDate, addDays, parseCalendarDate } from './calendar-date';
import { CalendarError } from './calendar-error';
import { isWorkingDay, stepWorkingDays } from './working-days';

export interface PublicityPeriod {
  days: number;
  /** 公示 N 天 (calendar) or 公示 N 个工作日 (working). */
  unit: 'calendar' | 'working';
}

/**
 * The last day of a publicity (公示) of `days` days that starts on `start`, with `start` counted as day 1.
 * - calendar: the plain date start + (days - 1); holidays do not matter. A 7-day publicity from 2025-10-01 ends 2025-10-07.
 * - working: the `days`-th working day counting from `start` inclusive; if `start` is not a working day (a notice
 *   posted on a holiday) day 1 is the first working day after it. A 5-working-day publicity from Tue 2025-09-30
 *   ends Mon 2025-10-13: 30 Sep = 1, (1-8 Oct holiday), 9 Oct = 2, 10 Oct = 3, Sat 11 Oct (make-up day) = 4, 13 Oct = 5.
 * Objections are accepted until the end of that day, China Standard Time.
 */
export function publicityEnd(start: CalendarDate, period: PublicityPeriod): CalendarDate {
  parseCalendarDate(start, 'start');
  if (!Number.isSafeInteger(period.days) || period.days < 1) {
    throw new CalendarError('invalid_argument', `options.days: ${period.days} must be a whole number of at least 1`, 'options.days');
  }
  switch (period.unit) {
    case 'calendar':
      return addDays(start, period.days - 1);
    case 'working':
      return isWorkingDay(start, 'start')
        ? stepWorkingDays(start, period.days - 1, 'options.days')
        : stepWorkingDays(start, period.days, 'options.days');
    default:
      throw new CalendarError('invalid_argument', `options.unit: must be "calendar" or "working"`, 'options.unit');
  }
}
