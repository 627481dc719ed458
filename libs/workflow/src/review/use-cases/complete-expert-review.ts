import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { ApplicationStore, ApplicationTransitions, InvalidStateError, ProgramStore } from '../../core';
import { combinePanel, CombinedItem } from '../panel/combine-panel';
import { requireOpenPanel } from '../panel/panel-access';
import { ReviewNotConfiguredError } from '../review-errors';
import { ReviewRoute } from '../review-route';
import { ReviewSteps } from '../review-steps';
import { notifyStageArrival } from '../stage-arrival';

export interface ExpertReviewResult {
  applicationId: string;
  status: string;
  combinedScore: number;
  scorers: number;
  items: CombinedItem[];
}

/**
 * Closes the expert review once the quorum has scored: the proposals are combined per item with the program's method,
 * stored as the expert-review opinion of each item (authored by the officer who closed it), and the application
 * moves on to the decision.
 */
@Injectable()
export class CompleteExpertReview {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly transitions: ApplicationTransitions,
    private readonly route: ReviewRoute,
    private readonly notifier: Notifier,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(applicationId: string, actor: Actor): Promise<ExpertReviewResult> {
    const tenantId = RequestContextStore.requireTenantId();
    return this.transactions.run(async (manager) => {
      const application = await ApplicationStore.lock(manager, applicationId);
      const { members } = await requireOpenPanel(manager, application);
      const program = await ProgramStore.get(manager, application.programId);
      const settings = program.review.panel;
      if (!settings) throw new ReviewNotConfiguredError({ zh: '本项目未设置专家评审', en: 'The program has no expert panel configured' });
      const scored = members.filter((m) => m.status === 'scored' && m.scoreSheet && m.scoreTotal !== null);
      if (scored.length < settings.quorum) {
        throw new InvalidStateError({ zh: `已有 ${scored.length} 位专家评分，须达到 ${settings.quorum} 位`, en: `${scored.length} expert(s) have scored; the quorum is ${settings.quorum}` });
      }
      // Only the items the panel judged (all, unless the text scopes the expert review to some items: Beijing 第十三条).
      const ceilings = await this.route.panelCeilings(manager, application, program);
      const result = combinePanel(
        scored.map((m) => ({ scoreTotal: m.scoreTotal ?? 0, amounts: m.scoreSheet?.amounts ?? {} })),
        [...ceilings.values()],
        settings.combine,
      );
      for (const item of result.items) {
        await manager.query(
          `insert into item_opinions (tenant_id, application_id, achievement_id, stage, author_id, opinion, amount_fen, comment)
           values ($1, $2, $3, 'expert_review', $4, $5, $6, $7)
           on conflict (tenant_id, application_id, achievement_id, stage, author_id)
           do update set opinion = excluded.opinion, amount_fen = excluded.amount_fen, comment = excluded.comment, created_at = now()`,
          [tenantId, application.id, item.achievementId, actor.id, item.opinion, item.amountFen, `${settings.combine} of ${item.proposals.length} expert proposals`],
        );
      }
      await manager.query(`update panels set combined_score = $2, completed_at = $3 where application_id = $1`, [application.id, result.score, this.clock.now()]);
      await ReviewSteps.append(manager, tenantId, {
        applicationId: application.id,
        stage: 'expert_review',
        outcome: 'complete',
        reasons: [`combined score ${result.score} (${settings.combine} of ${scored.length})`],
        actor,
        at: this.clock.now(),
      });
      const next = await this.route.next(manager, application, program, 'expert_review');
      const moved = await this.transitions.move(manager, application, {
        to: next,
        stageDueOn: await this.route.dueOnEntering(manager, application, program, next),
        action: 'application.expert-review-completed',
        data: { combine: settings.combine, combinedScore: result.score, scorers: scored.map((m) => m.expertId), items: result.items },
      });
      await notifyStageArrival(this.notifier, manager, moved, program, next, moved.stageDueOn);
      return { applicationId: application.id, status: moved.status, combinedScore: result.score, scorers: scored.length, items: result.items };
    });
  }
}
