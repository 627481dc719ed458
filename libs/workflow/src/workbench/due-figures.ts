import { CalendarDate, CalendarError, daysBetween, workingDaysBetween } from '@subsidy/calendar';

/** How a due date stands on `today` (CST): overdue or not, and by how much. */
export interface DueFigures {
  overdue: boolean;
  /** Working days from today up to and including the due date; null when overdue, undated, or the year's holidays are not published. */
  workingDaysLeft: number | null;
  /** Calendar days past the due date; null when not overdue. */
  overdueDays: number | null;
}

/**
 * Pure. Working days come from the mainland calendar (@subsidy/calendar); a due date in a year whose State Council
 * notice is not yet published (`holiday_schedule_unavailable`) leaves the figure out rather than guessing or failing.
 */
export function dueFigures(dueOn: string | null, today: CalendarDate): DueFigures {
  if (dueOn === null) return { overdue: false, workingDaysLeft: null, overdueDays: null };
  const due = dueOn as CalendarDate;
  if (due < today) return { overdue: true, workingDaysLeft: null, overdueDays: daysBetween(due, today) };
  return { overdue: false, workingDaysLeft: workingDaysOrNull(today, due), overdueDays: null };
}

function workingDaysOrNull(from: CalendarDate, to: CalendarDate): number | null {
  try {
    return workingDaysBetween(from, to);
  } catch (error) {
    if (error instanceof CalendarError && error.code === 'holiday_schedule_unavailable') return null;
    throw error;
  }
}

/** Overdue first, then the earliest due date, undated last; ties keep the given order. */
export function compareDue(a: { overdue: boolean; dueOn: string | null }, b: { overdue: boolean; dueOn: string | null }): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueOn === b.dueOn) return 0;
  if (a.dueOn === null) return 1;
  if (b.dueOn === null) return -1;
  return a.dueOn < b.dueOn ? -1 : 1;
}
