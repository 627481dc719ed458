import { applicationStatusZh } from '../../core/status-names';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { ApplicationRecord, ApplicationStore, ApplicationTransitions, InvalidStateError, ProgramStore } from '../../core';
import { loadApplicationItems } from '../items/application-items';
import { ReviewRoute } from '../review-route';
import { ReviewSteps } from '../review-steps';
import { notifyStageArrival } from '../stage-arrival';
import { assertHoldsReassignedWork } from '../stage-deadlines';

/** Closes the technical review once every item has an opinion, and passes the application to the next stage. */
@Injectable()
export class CompleteTechnicalReview {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly transitions: ApplicationTransitions,
    private readonly route: ReviewRoute,
    private readonly notifier: Notifier,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(applicationId: string, actor: Actor): Promise<ApplicationRecord> {
    const tenantId = RequestContextStore.requireTenantId();
    return this.transactions.run(async (manager) => {
      const application = await ApplicationStore.lock(manager, applicationId);
      assertHoldsReassignedWork(actor, application);
      if (application.status !== 'technical_review') {
        throw new InvalidStateError({
          zh: `只有技术审查中的申报可以完成技术审查；该申报当前为“${applicationStatusZh(application.status)}”`,
          en: `The technical review can only be completed in technical_review; the application is ${application.status}`,
        });
      }
      const items = await loadApplicationItems(manager, application.id);
      const opined = new Set(
        ((await manager.query(`select distinct achievement_id as id from item_opinions where application_id = $1 and stage = 'technical_review'`, [application.id])) as Array<{ id: string }>).map((r) => r.id),
      );
      const without = items.filter((i) => !opined.has(i.achievementId));
      if (without.length > 0) {
        throw new InvalidStateError(
          {
            zh: `还有 ${without.length} 项成果未出具技术审查意见，请逐项填写后再完成`,
            en: `Every item needs a technical opinion first; missing: ${without.map((i) => i.achievementId).join(', ')}`,
          },
          without.map((i) => ({ path: `items.${i.achievementId}`, message: 'has no technical opinion', messageZh: '尚无技术审查意见' })),
        );
      }
      const program = await ProgramStore.get(manager, application.programId);
      const next = await this.route.next(manager, application, program, 'technical_review');
      await ReviewSteps.append(manager, tenantId, { applicationId: application.id, stage: 'technical_review', outcome: 'complete', actor, at: this.clock.now() });
      const moved = await this.transitions.move(manager, application, {
        to: next,
        stageDueOn: await this.route.dueOnEntering(manager, application, program, next),
        action: 'application.technical-review-completed',
        data: { stage: 'technical_review', items: items.length },
      });
      await notifyStageArrival(this.notifier, manager, moved, program, next, moved.stageDueOn);
      return moved;
    });
  }
}
