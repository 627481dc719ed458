import { AuditLog } from '@subsidy/audit';
import { Notifier } from '@subsidy/notifications';
import { ApplicationStageJobPayload, JobHandler, QueueJobHandler } from '@subsidy/queue';
import { EntityManager } from 'typeorm';
import { ApplicationStore, ProgramStore } from '../../core';
import { STAGE_NAMES } from '../stage-arrival';

/**
 * The working day after a review stage's due date, with the work still there: puts the overdue stage on record and
 * tells the program officers, who may remind, reassign the work (POST /applications/:id/reassign) or act in the
 * district reviewer's place. An application that has left the stage, or whose due date moved, is left alone.
 */
@JobHandler('workflow', 'application.stage-overdue')
export class StageOverdueHandler implements QueueJobHandler<'workflow', 'application.stage-overdue'> {
  constructor(
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
  ) {}

  async handle(manager: EntityManager, payload: ApplicationStageJobPayload): Promise<void> {
    const application = await ApplicationStore.find(manager, payload.applicationId);
    if (!application || application.status !== payload.stage || application.stageDueOn !== payload.dueOn) return;
    const program = await ProgramStore.get(manager, application.programId);
    const stage = STAGE_NAMES[payload.stage as keyof typeof STAGE_NAMES] ?? payload.stage;
    await this.audit.record(manager, {
      action: 'application.stage-overdue',
      entityType: 'application',
      entityId: application.id,
      reason: `${payload.stage} not completed by ${payload.dueOn}`,
      data: { stage: payload.stage, dueOn: payload.dueOn, assigneeId: application.reviewAssigneeId },
    });
    await this.notifier.notify(manager, [{ role: 'program_officer' }], {
      kind: 'application.stage-overdue',
      subject: `${stage}已超期 / Review overdue`,
      body: `《${program.title}》申报 ${application.id} 的${stage}期限（${payload.dueOn}）已过，尚未办结，请督办、改派或代为办理。 / The review was due on ${payload.dueOn} and is not done: remind, reassign or act in place.`,
      entity: { type: 'application', id: application.id },
    });
  }
}
