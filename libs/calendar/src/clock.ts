import { CalendarDate } from './calendar-date';
import { CalendarError } from './calendar-error';
import { cstDateOf } from './cst';

/** The one source of "now". Code that depends on the time takes a Clock so tests can fix or move it. */
export interface Clock {
  now(): Date;
}

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

function checkedMs(instant: Date, path: string): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new CalendarError('invalid_instant', `${path}: not a valid instant`, path);
  return ms;
}

/** Always the same instant. */
export class FixedClock implements Clock {
  private readonly ms: number;
  constructor(instant: Date) {
    this.ms = checkedMs(instant, 'instant');
  }
  now(): Date {
    return new Date(this.ms);
  }
}

/** A clock a test moves by hand; time never moves on its own. */
export class ManualClock implements Clock {
  private ms: number;
  constructor(start: Date) {
    this.ms = checkedMs(start, 'start');
  }
  now(): Date {
    return new Date(this.ms);
  }
  set(instant: Date): void {
    this.ms = checkedMs(instant, 'instant');
  }
  /** Moves forward by `ms` milliseconds; going backwards is refused because real clocks used here never do. */
  advance(ms: number): void {
    if (!Number.isSafeInteger(ms) || ms < 0) throw new CalendarError('invalid_argument', `ms: ${ms} must be a whole number >= 0`, 'ms');
    this.ms += ms;
  }
  advanceDays(days: number): void {
    this.advance(days * 86_400_000);
  }
}

/** Today's date in China according to `clock`. */
export function cstToday(clock: Clock): CalendarDate {
  return cstDateOf(clock.now());
}
