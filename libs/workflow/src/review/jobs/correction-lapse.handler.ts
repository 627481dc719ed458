import { Inject } from '@nestjs/common';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { Notifier } from '@subsidy/notifications';
import { ApplicationRoundJobPayload, JobHandler, QueueJobHandler } from '@subsidy/queue';
import { SYSTEM_ACTOR } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { ApplicationStore, ApplicationTransitions } from '../../core';
import { ReviewSteps } from '../review-steps';

/**
 * At the end of the correction deadline: lapses the application if it is still waiting for the correction of the same
 * submission round. A resubmission (new round) or any other move since makes the job do nothing.
 */
@JobHandler('workflow', 'application.correction-lapse')
export class CorrectionLapseHandler implements QueueJobHandler<'workflow', 'application.correction-lapse'> {
  constructor(
    private readonly transitions: ApplicationTransitions,
    private readonly notifier: Notifier,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(manager: EntityManager, payload: ApplicationRoundJobPayload): Promise<void> {
    const application = await ApplicationStore.find(manager, payload.applicationId);
    if (!application) return;
    const locked = await ApplicationStore.lock(manager, application.id);
    if (locked.status !== 'correction_requested' || locked.submissionCount !== payload.round) return;
    const reason = `correction not made by ${locked.stageDueOn ?? 'the deadline'}`;
    await ReviewSteps.append(manager, payload.tenantId, {
      applicationId: locked.id,
      stage: locked.returnStage === 'district_review' ? 'district_review' : 'formal_check',
      outcome: 'lapsed',
      reasons: [reason],
      dueOn: locked.stageDueOn,
      actor: SYSTEM_ACTOR,
      at: this.clock.now(),
    });
    await this.transitions.move(manager, locked, { to: 'lapsed', action: 'application.lapsed', reason, data: { round: payload.round } });
    await this.notifier.notify(manager, [{ organizationId: locked.organizationId }], {
      kind: 'application.lapsed',
      subject: `申报已失效：未在 ${locked.stageDueOn ?? '期限'} 前补正 / Application lapsed`,
      body: `您的申报未在补正期限（${locked.stageDueOn ?? '—'}）内补正并重新提交，已按规定视为放弃。`,
      entity: { type: 'application', id: locked.id },
    });
  }
}
