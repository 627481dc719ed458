export type CalendarErrorCode = 'invalid_calendar_date' | 'invalid_instant' | 'invalid_argument' | 'holiday_schedule_unavailable';

/** An expected failure with a one-line message naming the offending field; callers show `message`, never a stack. */
export class CalendarError extends Error {
  constructor(
    readonly code: CalendarErrorCode,
    message: string,
    /** JSON path of the offending argument, e.g. `start` or `options.days`. */
    readonly path: string,
    /** For holiday_schedule_unavailable: the year without a known schedule. */
    readonly year?: number,
  ) {
    super(message);
    this.name = 'CalendarError';
  }
}
