import { CalendarError } from '@subsidy/calendar';
import { DomainError } from './domain-error';

/**
 * A deadline in working days runs into a year whose State Council holiday notice nobody has added yet: the calendar
 * refuses to guess from weekdays. Names the year; a platform administrator adds it (PUT /platform/holiday-calendar/:year
 * or `npm run calendar:add-year`) and the same request then succeeds.
 */
export class HolidayScheduleUnavailableError extends DomainError {
  readonly code = 'holiday_schedule_unavailable';
  readonly status = 422;
  constructor(readonly year: number | undefined) {
    const zhYear = year === undefined ? '该' : `${year} `;
    const enYear = year === undefined ? 'that year' : String(year);
    super(
      {
        zh: `尚无${zhYear}年的国务院节假日安排，无法按工作日计算期限；请平台管理员录入${zhYear}年安排后重试`,
        en: `The State Council holiday schedule for ${enYear} has not been added yet, so a deadline in working days cannot be counted; ask the platform administrator to add it, then retry`,
      },
      [{ path: '', message: `no holiday schedule for ${enYear}`, messageZh: `缺少${zhYear}年节假日安排` }],
    );
  }

  static from(error: unknown): HolidayScheduleUnavailableError | undefined {
    return error instanceof CalendarError && error.code === 'holiday_schedule_unavailable' ? new HolidayScheduleUnavailableError(error.year) : undefined;
  }
}
