import { formatCstDateTime } from '@subsidy/calendar';

/** An instant as Chinese users read it, to the minute: `2024-03-01 09:00 CST`. */
export function cstMinute(instant: Date): string {
  return `${formatCstDateTime(instant).slice(0, 16).replace('T', ' ')} CST`;
}
