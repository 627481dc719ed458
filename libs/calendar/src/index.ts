/**
 * @subsidy/calendar: China Standard Time dates, mainland working days and clocks. Pure: no framework, no database, and
 * no dependence on the machine's TZ setting.
 */
export { CalendarError, type CalendarErrorCode } from './calendar-error';
export {
  type CalendarDate,
  isCalendarDate,
  parseCalendarDate,
  calendarDate,
  partsOf,
  yearOf,
  addDays,
  daysBetween,
  weekdayOf,
  compareDates,
} from './calendar-date';
export { CST_OFFSET_MS, cstDateOf, cstStartOfDay, cstEndOfDay, formatCstDateTime, parseInstant } from './cst';
export {
  coveredYears,
  knownHolidayYears,
  setHolidayScheduleSource,
  staticHolidaySource,
  holidayYearProblems,
  holidayYearSchedule,
  type HolidayScheduleSource,
  type HolidayYearSchedule,
  type HolidayDayInput,
  type HolidayYearProblem,
} from './holiday-schedule';
export { isWorkingDay, addWorkingDays, workingDaysBetween, workingDayDeadline } from './working-days';
export { publicityEnd, type PublicityPeriod } from './publicity';
export { type Clock, SystemClock, FixedClock, ManualClock, cstToday } from './clock';
