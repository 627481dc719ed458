import { Notifier } from '@subsidy/notifications';
import { ApplicationStageJobPayload, JobHandler, QueueJobHandler } from '@subsidy/queue';
import { EntityManager } from 'typeorm';
import { ApplicationStore, ProgramStore } from '../../core';
import { STAGE_NAMES } from '../stage-arrival';
import { stageHolders } from '../stage-deadlines';

/**
 * A few working days before a review stage's due date, reminds whoever holds the work (stage-deadlines.ts). An
 * application that has left the stage, or whose due date was moved (a new job carries the new date), is left alone.
 */
@JobHandler('workflow', 'application.stage-reminder')
export class StageReminderHandler implements QueueJobHandler<'workflow', 'application.stage-reminder'> {
  constructor(private readonly notifier: Notifier) {}

  async handle(manager: EntityManager, payload: ApplicationStageJobPayload): Promise<void> {
    const application = await ApplicationStore.find(manager, payload.applicationId);
    if (!application || application.status !== payload.stage || application.stageDueOn !== payload.dueOn) return;
    const program = await ProgramStore.get(manager, application.programId);
    const stage = STAGE_NAMES[payload.stage as keyof typeof STAGE_NAMES] ?? payload.stage;
    await this.notifier.notify(manager, await stageHolders(manager, application), {
      kind: 'application.stage-reminder',
      subject: `${stage}将于${payload.dueOn}到期 / Review due on ${payload.dueOn}`,
      body: `《${program.title}》申报 ${application.id} 的${stage}请于${payload.dueOn}前完成。 / The review of this application is due on ${payload.dueOn}.`,
      entity: { type: 'application', id: application.id },
    });
  }
}
