import { Notifier } from '@subsidy/notifications';
import { ApplicationRoundJobPayload, JobHandler, QueueJobHandler } from '@subsidy/queue';
import { EntityManager } from 'typeorm';
import { ApplicationStore } from '../../core';
import { PanelStore } from '../panel/panel-store';

/** Before the scoring deadline: reminds the members of the current round's panel who have not scored yet. */
@JobHandler('workflow', 'panel.reminder')
export class PanelReminderHandler implements QueueJobHandler<'workflow', 'panel.reminder'> {
  constructor(private readonly notifier: Notifier) {}

  async handle(manager: EntityManager, payload: ApplicationRoundJobPayload): Promise<void> {
    const application = await ApplicationStore.find(manager, payload.applicationId);
    if (!application || application.status !== 'expert_review') return;
    const panel = await PanelStore.find(manager, application.id);
    if (!panel || panel.draw.round !== payload.round || panel.completedAt) return;
    const waiting = (await PanelStore.members(manager, application.id)).filter((m) => m.status === 'invited');
    if (waiting.length === 0) return;
    const due = panel.dueAt.toISOString();
    await this.notifier.notify(
      manager,
      waiting.map((m) => ({ userId: m.expertId })),
      {
        kind: 'panel.reminder',
        subject: `评审提醒：请于 ${due} 前完成评分 / Please score before ${due}`,
        body: `您受邀评审的申报（${application.id}）尚未评分，评分截止时间为 ${due}。`,
        entity: { type: 'application', id: application.id },
      },
    );
  }
}
