import schedule from 'chinese-days/dist/chinese-days.json';
import { CalendarDate, isCalendarDate, weekdayOf, yearOf } from './calendar-date';
import { CalendarError } from './calendar-error';

/**
 * The State Council holiday schedule: the years published by the `chinese-days` package, read from its static data
 * file, overridden and extended by the years an operator has added (a `HolidayScheduleSource` injected at start-up;
 * the application reads it from the `holiday_years` table, see libs/holiday-calendar).
 *
 * We do not call the package's `isWorkday`: its date helper formats with local-time getters, so under a western TZ
 * (e.g. America/New_York) `isWorkday('2025-10-01')` looks up 2025-09-30. The data file was generated once and is
 * plain `YYYY-MM-DD` keys, which we combine with a TZ-free weekday computation.
 */
interface ScheduleData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const data: ScheduleData = schedule;

/** One year's notice: its days off (放假) and its make-up working days (调休上班), each with the holiday's name. */
export interface HolidayYearSchedule {
  year: number;
  /** Date → holiday name (e.g. 春节), every day off the notice gives, on whatever weekday. */
  holidays: Readonly<Record<CalendarDate, string>>;
  /** Date → holiday name, every Saturday or Sunday the notice makes a working day. */
  workdays: Readonly<Record<CalendarDate, string>>;
}

/** Years known besides (or instead of) the package's; read synchronously, so a source keeps its years in memory. */
export interface HolidayScheduleSource {
  scheduleOf(year: number): HolidayYearSchedule | undefined;
  years(): readonly number[];
}

/** Years for which the `chinese-days` package carries the State Council's notice. */
export const coveredYears: readonly number[] = [...new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))))].sort(
  (a, b) => a - b,
);
const covered = new Set(coveredYears);

let source: HolidayScheduleSource | undefined;

/**
 * Installs the source of operator-added years for the whole process (the last one installed wins) and returns a
 * function that puts back the previous one, for a process or test that stops using it.
 */
export function setHolidayScheduleSource(next: HolidayScheduleSource | undefined): () => void {
  const previous = source;
  source = next;
  return () => {
    if (source === next) source = previous;
  };
}

/** A fixed list of years as a source (tests, one-off tools). */
export function staticHolidaySource(years: readonly HolidayYearSchedule[]): HolidayScheduleSource {
  const byYear = new Map(years.map((y) => [y.year, y]));
  return { scheduleOf: (year) => byYear.get(year), years: () => [...byYear.keys()].sort((a, b) => a - b) };
}

/** Every year with a known schedule: the package's and the source's. */
export function knownHolidayYears(): number[] {
  return [...new Set([...coveredYears, ...(source?.years() ?? [])])].sort((a, b) => a - b);
}

function ranges(years: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < years.length; i += 1) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j] + 1) j += 1;
    parts.push(i === j ? String(years[i]) : `${years[i]}-${years[j]}`);
    i = j;
  }
  return parts.join(', ');
}

export function assertYearCovered(date: CalendarDate, path: string): void {
  const year = yearOf(date);
  if (source?.scheduleOf(year) || covered.has(year)) return;
  throw new CalendarError(
    'holiday_schedule_unavailable',
    `${path}: no State Council holiday schedule for ${year} is known (known: ${ranges(knownHolidayYears())}); ` +
      `a platform administrator adds the ${year} notice (PUT /api/v1/platform/holiday-calendar/${year} or npm run calendar:add-year)`,
    path,
    year,
  );
}

/** A statutory holiday or bridge day off (放假), on whatever weekday it falls. */
export function isScheduledHoliday(date: CalendarDate): boolean {
  const added = source?.scheduleOf(yearOf(date));
  return Object.prototype.hasOwnProperty.call(added ? added.holidays : data.holidays, date);
}

/** A Saturday or Sunday made a working day to bridge a holiday (调休上班). */
export function isMakeUpWorkday(date: CalendarDate): boolean {
  const added = source?.scheduleOf(yearOf(date));
  return Object.prototype.hasOwnProperty.call(added ? added.workdays : data.workdays, date);
}

/** One day of a notice as an operator enters it. */
export interface HolidayDayInput {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

export interface HolidayYearProblem {
  path: string;
  message: string;
  messageZh: string;
}

const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/;

/**
 * Why a year's notice as entered cannot be used, empty when it can: every date real, in that year and listed once;
 * each a holiday or a make-up working day (a make-up day on a Saturday or Sunday); names in Chinese. At least one
 * holiday, since every notice gives some.
 */
export function holidayYearProblems(year: number, days: readonly HolidayDayInput[]): HolidayYearProblem[] {
  const problems: HolidayYearProblem[] = [];
  const seen = new Map<string, number>();
  days.forEach((day, i) => {
    const at = `days[${i}]`;
    if (!isCalendarDate(day.date)) {
      problems.push({ path: `${at}.date`, message: `${String(day.date)} is not a calendar date YYYY-MM-DD`, messageZh: `${String(day.date)} 不是有效日期 YYYY-MM-DD` });
      return;
    }
    if (yearOf(day.date) !== year) problems.push({ path: `${at}.date`, message: `${day.date} is not in ${year}`, messageZh: `${day.date} 不在 ${year} 年` });
    const first = seen.get(day.date);
    if (first !== undefined) problems.push({ path: `${at}.date`, message: `${day.date} is already listed at days[${first}]`, messageZh: `${day.date} 已在第 ${first + 1} 项列出` });
    else seen.set(day.date, i);
    if (day.kind !== 'holiday' && day.kind !== 'workday') {
      problems.push({ path: `${at}.kind`, message: 'must be holiday or workday', messageZh: '必须是 holiday（放假）或 workday（调休上班）' });
    } else if (day.kind === 'workday' && weekdayOf(day.date) >= 1 && weekdayOf(day.date) <= 5) {
      problems.push({ path: `${at}.kind`, message: `${day.date} is a weekday, already a working day; a make-up working day is a Saturday or Sunday`, messageZh: `${day.date} 本是工作日；调休上班日应为周六或周日` });
    }
    if (typeof day.name !== 'string' || !HAN.test(day.name) || LATIN.test(day.name)) {
      problems.push({ path: `${at}.name`, message: 'must be the holiday name in Chinese, e.g. 春节', messageZh: '必须是中文节日名称，例如 春节' });
    }
  });
  if (!days.some((d) => d.kind === 'holiday')) problems.push({ path: 'days', message: 'lists no holiday', messageZh: '未列出任何放假日期' });
  return problems;
}

/** The entered days as the calendar reads them. */
export function holidayYearSchedule(year: number, days: readonly HolidayDayInput[]): HolidayYearSchedule {
  const holidays: Record<string, string> = {};
  const workdays: Record<string, string> = {};
  for (const day of days) (day.kind === 'holiday' ? holidays : workdays)[day.date] = day.name;
  return { year, holidays, workdays };
}
