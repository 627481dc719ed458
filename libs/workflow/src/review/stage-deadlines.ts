import { addWorkingDays, CalendarError, parseCalendarDate, Clock, cstEndOfDay, cstStartOfDay, cstToday } from '@subsidy/calendar';
import { Recipient } from '@subsidy/notifications';
import { Outbox } from '@subsidy/queue';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { ApplicationRecord, ProgramRecord, ReviewSettings, ReviewStage } from '../core';
import { PanelStore } from './panel/panel-store';
import { NotReviewerError } from './review-errors';

/**
 * Every review stage has a due date (issue 13, "no stage waits silently"), counted in working days from the day an
 * application arrives at it: the formal check from the program's `formalCheckWorkingDays` (Huangpu 第十二条: 5), the
 * district, technical and expert reviews from the program's `districtReviewWorkingDays` / `technicalReviewWorkingDays` /
 * `expertReviewWorkingDays`. No seed text sets those (nor, except Huangpu, the formal check's), so where the program has
 * none the product gives STAGE_DEFAULT_WORKING_DAYS; the officer changes any of them on a running call
 * (PUT /programs/:id/stage-deadlines/:stage, which also moves the due dates already running).
 *
 * With the due date come two outbox jobs, in the transaction of the arrival: a reminder to whoever holds the work
 * STAGE_REMINDER_WORKING_DAYS_BEFORE working days before it, and an escalation to the program officers at the start of
 * the working day after it. Both carry the stage and the due date and do nothing once the application has left the
 * stage or its due date changed. The formal check with a deadline the program set keeps its own overdue job
 * (`application.formal-check-deadline`) instead of the escalation.
 */
export const STAGE_DEFAULT_WORKING_DAYS = 10;
export const STAGE_REMINDER_WORKING_DAYS_BEFORE = 2;

/** The settings key of each stage's working days. */
export const STAGE_DAYS_SETTING = {
  formal_check: 'formalCheckWorkingDays',
  district_review: 'districtReviewWorkingDays',
  technical_review: 'technicalReviewWorkingDays',
  expert_review: 'expertReviewWorkingDays',
} as const satisfies Record<ReviewStage, keyof ReviewSettings>;

/** The working days a stage has under the program's settings, the default where it sets none. */
export function stageWorkingDays(review: ReviewSettings, stage: ReviewStage): number {
  return review[STAGE_DAYS_SETTING[stage]] ?? STAGE_DEFAULT_WORKING_DAYS;
}

function isReviewStage(status: string): status is ReviewStage {
  return status in STAGE_DAYS_SETTING;
}

/**
 * `addWorkingDays`, or null where the State Council has not yet published the year's holidays (a due date in a year
 * the calendar does not cover is left open rather than guessed; the officer sees no date and no job is queued).
 */
function workingDaysFrom(date: string, days: number): string | null {
  try {
    return addWorkingDays(parseCalendarDate(date), days);
  } catch (error) {
    if (error instanceof CalendarError && error.code === 'holiday_schedule_unavailable') return null;
    throw error;
  }
}

/**
 * The due date of the stage an application arrives at today (null for the decision, which has none), with its
 * reminder and escalation queued in the caller's transaction. Call it for the move that takes the application there.
 */
export async function scheduleStageArrival(
  manager: EntityManager,
  outbox: Outbox,
  clock: Clock,
  application: Pick<ApplicationRecord, 'id' | 'submissionCount'>,
  program: Pick<ProgramRecord, 'review'>,
  stage: string,
  round = application.submissionCount,
): Promise<string | null> {
  if (!isReviewStage(stage)) return null;
  const today = cstToday(clock);
  const dueOn = workingDaysFrom(today, stageWorkingDays(program.review, stage));
  if (!dueOn) return null;
  const ownFormalCheckDeadline = stage === 'formal_check' && program.review.formalCheckWorkingDays != null;
  if (ownFormalCheckDeadline) {
    await outbox.enqueue(
      manager,
      'workflow',
      'application.formal-check-deadline',
      { tenantId: RequestContextStore.requireTenantId(), applicationId: application.id, round },
      { runAt: cstEndOfDay(parseCalendarDate(dueOn)), dedupeKey: `application.formal-check-deadline:${application.id}:${round}` },
    );
  }
  await scheduleStageJobs(manager, outbox, today, application.id, stage, dueOn, { escalate: !ownFormalCheckDeadline });
  return dueOn;
}

/**
 * Queues the reminder (unless its day is already today or past: the arrival notice says as much) and, with
 * `escalate`, the escalation of a stage due on `dueOn`. The due date is in the dedupe keys, so a moved due date gets
 * jobs of its own while the old ones find a different date at run time and do nothing.
 */
export async function scheduleStageJobs(
  manager: EntityManager,
  outbox: Outbox,
  today: string,
  applicationId: string,
  stage: ReviewStage,
  dueOn: string,
  options: { escalate: boolean },
): Promise<void> {
  const payload = { tenantId: RequestContextStore.requireTenantId(), applicationId, stage, dueOn };
  const remindOn = workingDaysFrom(dueOn, -STAGE_REMINDER_WORKING_DAYS_BEFORE);
  if (remindOn && remindOn > today) {
    await outbox.enqueue(manager, 'workflow', 'application.stage-reminder', payload, {
      runAt: cstStartOfDay(parseCalendarDate(remindOn)),
      dedupeKey: `application.stage-reminder:${applicationId}:${stage}:${dueOn}`,
    });
  }
  const escalateOn = workingDaysFrom(dueOn, 1);
  if (options.escalate && escalateOn) {
    await outbox.enqueue(manager, 'workflow', 'application.stage-overdue', payload, {
      runAt: cstStartOfDay(parseCalendarDate(escalateOn)),
      dedupeKey: `application.stage-overdue:${applicationId}:${stage}:${dueOn}`,
    });
  }
}

/**
 * Who holds the work of an application's current stage: the one reviewer the officer reassigned it to; else the
 * district's reviewers, the technical reviewers; for the expert review the current round's experts who have not
 * scored (the program officers while no panel is drawn or once all have scored); the program officers for the formal
 * check.
 */
export async function stageHolders(manager: EntityManager, application: ApplicationRecord): Promise<Recipient[]> {
  if (application.reviewAssigneeId) return [{ userId: application.reviewAssigneeId }];
  switch (application.status) {
    case 'district_review':
      return [{ role: 'district_reviewer', districtCode: application.districtCode }];
    case 'technical_review':
      return [{ role: 'technical_reviewer' }];
    case 'expert_review': {
      const panel = await PanelStore.find(manager, application.id);
      if (!panel || panel.completedAt) return [{ role: 'program_officer' }];
      const waiting = (await PanelStore.members(manager, application.id)).filter((m) => m.status === 'invited');
      return waiting.length > 0 ? waiting.map((m) => ({ userId: m.expertId })) : [{ role: 'program_officer' }];
    }
    default:
      return [{ role: 'program_officer' }];
  }
}

/**
 * A reviewer acts on the work of the current stage only if it was not reassigned to somebody else (403 otherwise);
 * a program officer acting in the district reviewer's place is not held by the assignment.
 */
export function assertHoldsReassignedWork(actor: Actor, application: ApplicationRecord): void {
  if (!application.reviewAssigneeId || actor.role === 'program_officer' || actor.id === application.reviewAssigneeId) return;
  throw new NotReviewerError({ zh: '该申报的审查已改派他人办理', en: 'This review was reassigned to another reviewer' });
}
