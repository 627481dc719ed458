import {
  addWorkingDays,
  CalendarDate,
  coveredYears,
  holidayYearProblems,
  holidayYearSchedule,
  HolidayDayInput,
  isWorkingDay,
  knownHolidayYears,
  parseCalendarDate,
  setHolidayScheduleSource,
  staticHolidaySource,
  workingDaysBetween,
} from '@subsidy/calendar';

const d = (s: string): CalendarDate => parseCalendarDate(s, 'test');

/**
 * TEST DATA, NOT A STATE COUNCIL NOTICE: 2099 is a made-up year. 2099-01-01 is a Thursday; the invented
 * "测试假日" gives Thu 1 and Fri 2 January off and makes Sunday 4 January a working day.
 */
const TEST_YEAR = 2099;
const TEST_DAYS: HolidayDayInput[] = [
  { date: '2099-01-01', kind: 'holiday', name: '测试假日' },
  { date: '2099-01-02', kind: 'holiday', name: '测试假日' },
  { date: '2099-01-03', kind: 'holiday', name: '测试假日' },
  { date: '2099-01-04', kind: 'workday', name: '测试假日' },
];

describe('an injected holiday schedule source', () => {
  let restore: (() => void) | undefined;
  afterEach(() => {
    restore?.();
    restore = undefined;
  });

  it('without it, the test year is refused naming the year', () => {
    expect(coveredYears).not.toContain(TEST_YEAR);
    expect(() => isWorkingDay(d('2099-01-05'))).toThrow(
      expect.objectContaining({ code: 'holiday_schedule_unavailable', year: TEST_YEAR, message: expect.stringContaining('2099') }),
    );
  });

  it('with it, the year counts: days off skipped, the make-up Sunday worked', () => {
    restore = setHolidayScheduleSource(staticHolidaySource([holidayYearSchedule(TEST_YEAR, TEST_DAYS)]));
    expect(knownHolidayYears()).toContain(TEST_YEAR);
    expect(isWorkingDay(d('2099-01-01'))).toBe(false);
    expect(isWorkingDay(d('2099-01-02'))).toBe(false);
    expect(isWorkingDay(d('2099-01-04'))).toBe(true); // Sunday, make-up
    expect(isWorkingDay(d('2099-01-05'))).toBe(true); // Monday
    expect(isWorkingDay(d('2099-01-10'))).toBe(false); // Saturday
    expect(addWorkingDays(d('2099-01-01'), 1)).toBe('2099-01-04');
    expect(addWorkingDays(d('2099-01-01'), 2)).toBe('2099-01-05');
    expect(workingDaysBetween(d('2099-01-01'), d('2099-01-09'))).toBe(6);
    // The year before is still unknown, and the error still names it.
    expect(() => addWorkingDays(d('2099-01-05'), -5)).toThrow(expect.objectContaining({ code: 'holiday_schedule_unavailable', year: 2098, path: 'n' }));
  });

  it("overrides a year the package carries: the source's days replace the package's", () => {
    expect(isWorkingDay(d('2026-10-01'))).toBe(false); // National Day per the package
    restore = setHolidayScheduleSource(staticHolidaySource([holidayYearSchedule(2026, [{ date: '2026-03-02', kind: 'holiday', name: '测试假日' }])]));
    expect(isWorkingDay(d('2026-10-01'))).toBe(true);
    expect(isWorkingDay(d('2026-03-02'))).toBe(false);
    expect(isWorkingDay(d('2025-10-01'))).toBe(false); // other years stay the package's
  });

  it('the restore function puts the previous source back', () => {
    const first = setHolidayScheduleSource(staticHolidaySource([holidayYearSchedule(TEST_YEAR, TEST_DAYS)]));
    const second = setHolidayScheduleSource(undefined);
    expect(() => isWorkingDay(d('2099-01-05'))).toThrow(expect.objectContaining({ code: 'holiday_schedule_unavailable' }));
    second();
    expect(isWorkingDay(d('2099-01-05'))).toBe(true);
    first();
    expect(() => isWorkingDay(d('2099-01-05'))).toThrow(expect.objectContaining({ code: 'holiday_schedule_unavailable' }));
  });
});

describe('holidayYearProblems', () => {
  it('accepts the test year', () => {
    expect(holidayYearProblems(TEST_YEAR, TEST_DAYS)).toEqual([]);
  });

  it('names each problem: other year, duplicate, weekday make-up day, non-Chinese name, no holiday', () => {
    expect(
      holidayYearProblems(TEST_YEAR, [
        { date: '2098-12-31', kind: 'holiday', name: '测试假日' },
        { date: '2099-01-01', kind: 'holiday', name: '测试假日' },
        { date: '2099-01-01', kind: 'holiday', name: '测试假日' },
        { date: '2099-01-05', kind: 'workday', name: 'Test day' },
        { date: '2099-02-30', kind: 'holiday', name: '测试假日' },
      ]).map((p) => p.path),
    ).toEqual(['days[0].date', 'days[2].date', 'days[3].kind', 'days[3].name', 'days[4].date']);
    expect(holidayYearProblems(TEST_YEAR, [{ date: '2099-01-04', kind: 'workday', name: '测试假日' }])).toEqual([
      expect.objectContaining({ path: 'days' }),
    ]);
  });
});
