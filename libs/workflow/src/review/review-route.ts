import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { Outbox } from '@subsidy/queue';
import { EntityManager } from 'typeorm';
import { ApplicationRecord, nextReviewStatus, ProgramRecord, ReviewStage } from '../core';
import { ApplicationPricing } from '../pricing/application-pricing';
import { AwardCeiling } from '../pricing/award-ceiling';
import { ProgramPolicy } from '../programs/program-policy';
import { scheduleStageArrival } from './stage-deadlines';
import { achievementsInStageScope, expertReviewIsScoped, stagesOutOfScope } from './stage-scope';

/**
 * Where a submitted application goes when a stage is done: the next stage in the program's order (review.stageOrder)
 * that is on, skipping a stage the text requires for other items only (procedure.stages.scope) when none of the
 * application's achievements is priced under one of them. And which achievements the expert panel judges. Reads the
 * program's frozen text (409 policy_version_changed if it changed: the text that binds the step is gone).
 */
@Injectable()
export class ReviewRoute {
  constructor(
    private readonly programPolicy: ProgramPolicy,
    private readonly pricing: ApplicationPricing,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async next(manager: EntityManager, application: ApplicationRecord, program: ProgramRecord, from: ReviewStage): Promise<ReviewStage | 'awaiting_decision'> {
    const { stages } = this.programPolicy.resolve(program).procedure;
    if (!stages?.itemIds) return nextReviewStatus(program.review, application.reviewLevel, from);
    const { policyItems } = await this.pricing.ceilingsWithItems(manager, application, program);
    return nextReviewStatus(program.review, application.reviewLevel, from, stagesOutOfScope(stages, policyItems));
  }

  /**
   * The due date of the stage an application enters from another stage, for the move (`stageDueOn`), counted in
   * working days from today, with its reminder and escalation jobs queued for it (stage-deadlines.ts). Null for the
   * decision. Runs in the caller's transaction.
   */
  async dueOnEntering(manager: EntityManager, application: ApplicationRecord, program: ProgramRecord, next: ReviewStage | 'awaiting_decision'): Promise<string | null> {
    return scheduleStageArrival(manager, this.outbox, this.clock, application, program, next);
  }

  /**
   * The ceilings of the achievements the expert panel proposes amounts for, in the applicant's order: every
   * achievement, or only those in scope where the text requires the expert review for some items (Beijing 第十三条:
   * the 标准制修订 items). The others keep the technical opinion or the ceiling at the decision.
   */
  async panelCeilings(manager: EntityManager, application: ApplicationRecord, program: ProgramRecord): Promise<Map<string, AwardCeiling>> {
    const { stages } = this.programPolicy.resolve(program).procedure;
    const { ceilings, policyItems } = await this.pricing.ceilingsWithItems(manager, application, program);
    if (!expertReviewIsScoped(stages)) return ceilings;
    const judged = new Set(achievementsInStageScope(stages, policyItems));
    return new Map([...ceilings].filter(([achievementId]) => judged.has(achievementId)));
  }
}
