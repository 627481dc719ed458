import { Inject } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock, cstToday } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { Notifier } from '@subsidy/notifications';
import { ApplicationRoundJobPayload, JobHandler, QueueJobHandler } from '@subsidy/queue';
import { EntityManager } from 'typeorm';
import { ApplicationStore } from '../../core';

/**
 * The office's own deadline for the formal check: nothing happens to the application, but the overdue check is put on
 * record and the program officers are told. A check already done, or a later round, makes the job do nothing.
 */
@JobHandler('workflow', 'application.formal-check-deadline')
export class FormalCheckDeadlineHandler implements QueueJobHandler<'workflow', 'application.formal-check-deadline'> {
  constructor(
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(manager: EntityManager, payload: ApplicationRoundJobPayload): Promise<void> {
    const application = await ApplicationStore.find(manager, payload.applicationId);
    if (!application || application.status !== 'formal_check' || application.submissionCount !== payload.round) return;
    // The officer moved the due date later (PUT /programs/:id/stage-deadlines/formal_check): the new date's own
    // escalation job (application.stage-overdue) speaks then.
    if (application.stageDueOn && cstToday(this.clock) <= application.stageDueOn) return;
    await this.audit.record(manager, {
      action: 'application.formal-check-overdue',
      entityType: 'application',
      entityId: application.id,
      reason: `formal check not completed by ${application.stageDueOn ?? 'its deadline'}`,
      data: { round: payload.round, dueOn: application.stageDueOn },
    });
    await this.notifier.notify(manager, [{ role: 'program_officer' }], {
      kind: 'application.formal-check-overdue',
      subject: `形式审查已超期 / Formal check overdue`,
      body: `申报 ${application.id} 的形式审查期限（${application.stageDueOn ?? '—'}）已过，请尽快处理。`,
      entity: { type: 'application', id: application.id },
    });
  }
}
