import { CalendarDate, calendarDate, partsOf } from '@subsidy/calendar';

/**
 * Months an awardee has, from the day its award is first confirmed paid, to hand in its use-of-funds report.
 * The policy texts ask for the report without one common deadline (Beijing: the yearly performance evaluation), so
 * every program uses this default; a per-program setting would replace this constant at the one call site.
 */
export const FUND_USE_REPORT_MONTHS = 12;

/** `date` plus `months` calendar months; a day the target month lacks clamps to its last day (2024-02-29 + 12 → 2025-02-28). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const { year, month, day } = partsOf(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return calendarDate(targetYear, targetMonth, Math.min(day, lastDay));
}
