import { addDays, CalendarDate, cstDateOf, cstStartOfDay } from '@subsidy/calendar';

/** When one night's check of every tenant's audit chain runs: its China Standard Time date and instant. */
export interface NightlyCheck {
  date: CalendarDate;
  runAt: Date;
}

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(time: string): number {
  const match = TIME_OF_DAY.exec(time);
  if (!match) throw new Error(`auditCheck.time: "${time}" is not HH:MM`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * The next nightly check at or after `now` for a time of day `HH:MM` in China Standard Time: today's if it has not
 * passed yet, otherwise tomorrow's. Scheduling only ever the next one keeps a freshly started worker from checking
 * at once, while a run missed because the worker was down is already in the outbox and runs when it comes back.
 */
export function nextNightlyCheck(now: Date, time: string): NightlyCheck {
  const offsetMs = minutesOf(time) * 60_000;
  const today = cstDateOf(now);
  const todayRun = new Date(cstStartOfDay(today).getTime() + offsetMs);
  if (now.getTime() <= todayRun.getTime()) return { date: today, runAt: todayRun };
  const tomorrow = addDays(today, 1);
  return { date: tomorrow, runAt: new Date(cstStartOfDay(tomorrow).getTime() + offsetMs) };
}

/** The outbox dedupe key of one tenant's check on one night: a second tick, a second worker or a restart adds nothing. */
export function nightlyCheckDedupeKey(tenantId: string, date: CalendarDate): string {
  return `audit.verify-chain:${tenantId}:${date}`;
}
