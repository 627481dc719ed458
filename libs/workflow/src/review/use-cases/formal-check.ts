import { applicationStatusZh } from '../../core/status-names';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { ApplicationRecord, ApplicationStore, ApplicationTransitions, InvalidStateError, ProgramStore } from '../../core';
import { CorrectionRequests } from '../correction-requests';
import { loadApplicationItems } from '../items/application-items';
import { checkMissingMaterials, normalizeMissing } from '../missing-materials';
import { rejectionNotice } from '../rejection-notice';
import { invalidField } from '../review-errors';
import { ReviewRoute } from '../review-route';
import { MissingMaterial, ReviewSteps } from '../review-steps';
import { notifyStageArrival } from '../stage-arrival';

export interface FormalCheckCommand {
  applicationId: string;
  outcome: 'complete' | 'correction' | 'reject';
  missing?: MissingMaterial[];
  reason?: string;
  actor: Actor;
}

/**
 * The program office's check that the application is complete and in form: passes it to the next enabled stage in the
 * program's order (after the district review where the text says so, Weihai 第二十二条),
 * returns it for correction (listing what is missing, with a working-day deadline) or rejects it with a reason.
 */
@Injectable()
export class FormalCheck {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly transitions: ApplicationTransitions,
    private readonly corrections: CorrectionRequests,
    private readonly notifier: Notifier,
    private readonly route: ReviewRoute,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: FormalCheckCommand): Promise<ApplicationRecord> {
    const missing = normalizeMissing(command.missing);
    const reason = command.reason?.trim() ?? '';
    if (command.outcome === 'reject' && reason === '') throw invalidField('reason', { zh: '不予受理须填写申报单位能看懂的理由', en: 'a rejection needs a reason the applicant can read' });
    if (command.outcome === 'correction' && missing.length === 0 && reason === '') {
      throw invalidField('missing', { zh: '请写明缺少或有误的材料，或至少填写理由', en: 'say what is missing or wrong (missing, or at least a reason)' });
    }
    const tenantId = RequestContextStore.requireTenantId();
    return this.transactions.run(async (manager) => {
      const application = await ApplicationStore.lock(manager, command.applicationId);
      if (application.status !== 'formal_check') {
        throw new InvalidStateError({
        zh: `只有形式审查中的申报可以办理形式审查；该申报当前为“${applicationStatusZh(application.status)}”`,
        en: `The formal check is only possible while the application is in formal_check; it is ${application.status}`,
      });
      }
      const program = await ProgramStore.get(manager, application.programId);
      checkMissingMaterials(missing, await loadApplicationItems(manager, application.id));
      const reasons = reason === '' ? [] : [reason];
      if (command.outcome === 'correction') {
        return this.corrections.open(manager, { tenantId, application, program, stage: 'formal_check', outcome: 'correction', reasons, missing, actor: command.actor });
      }
      await ReviewSteps.append(manager, tenantId, { applicationId: application.id, stage: 'formal_check', outcome: command.outcome, reasons, missing, actor: command.actor, at: this.clock.now() });
      if (command.outcome === 'reject') {
        const moved = await this.transitions.move(manager, application, { to: 'rejected', action: 'application.rejected-in-formal-check', reason, data: { stage: 'formal_check' } });
        await this.notifier.notify(manager, [{ organizationId: application.organizationId }], rejectionNotice(application.id, program.title, 'formal_check', reasons));
        return moved;
      }
      const next = await this.route.next(manager, application, program, 'formal_check');
      const stageDueOn = await this.route.dueOnEntering(manager, application, program, next);
      const moved = await this.transitions.move(manager, application, { to: next, action: 'application.formal-check-passed', stageDueOn, data: { stage: 'formal_check' } });
      await notifyStageArrival(this.notifier, manager, moved, program, next, moved.stageDueOn);
      return moved;
    });
  }
}
