import { ErrorDetail } from '@subsidy/common';

/**
 * The dates on which an achievement came about (published, recognized, awarded, held…), per
 * libs/policy/src/schema/achievement.schema.json. An application can only claim what has already happened, so none of
 * them may be after the application's date. Dates that may lie ahead are left out on purpose: a standard's
 * `implementedOn` usually follows its publication by months, and `revokedOn` is not an achievement's date.
 */
export const EVENT_DATE_FIELDS = [
  'publishedOn',
  'assumedOn',
  'startedOn',
  'acceptedOn',
  'recognizedOn',
  'awardedOn',
  'certifiedOn',
  'heldOn',
  'evidencedOn',
  'approvedOn',
  'completedOn',
  'obtainedOn',
] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every event date after `applicationDate` (a CST calendar date), by its path in the request body. */
export function futureAchievementDates(achievements: ReadonlyArray<Record<string, unknown>>, applicationDate: string): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  achievements.forEach((achievement, index) => {
    for (const field of EVENT_DATE_FIELDS) {
      const value = achievement[field];
      if (typeof value !== 'string' || !DATE.test(value) || value <= applicationDate) continue;
      problems.push({
        path: `achievements[${index}].${field}`,
        message: `${value} is after the application's date (${applicationDate}); only achievements already made can be claimed`,
        messageZh: `${value}晚于申报日期（${applicationDate}），只能申报已取得的成果`,
      });
    }
  });
  return problems;
}
