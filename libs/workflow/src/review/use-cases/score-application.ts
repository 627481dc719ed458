import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK, ErrorDetail } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { scoreSheetTotal, validateScoreSheet } from '@subsidy/review';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { ApplicationStore, InvalidStateError, ProgramStore } from '../../core';
import { amountProblem, amountProblemZh } from '../../pricing/amount-problem';
import { AwardCeiling } from '../../pricing/award-ceiling';
import { ExpertDeclarations } from '../panel/expert-declarations';
import { requireOpenPanel, requireSeat } from '../panel/panel-access';
import { StoredScoreSheet } from '../panel/panel-store';
import { ReviewInputError, ReviewNotConfiguredError } from '../review-errors';
import { ReviewRoute } from '../review-route';
import { ReviewSteps } from '../review-steps';

export interface ScoreCommand {
  applicationId: string;
  /** Criterion key -> points in hundredths (17.5 points = 1750). */
  scores: Record<string, unknown>;
  comment?: string;
  /** Achievement id -> proposed amount in fen; one for every item the panel judges (ReviewRoute.panelCeilings). */
  amounts: Record<string, unknown>;
  actor: Actor;
}

export interface ScoreView {
  applicationId: string;
  expertId: string;
  scoreTotal: number;
  amounts: Record<string, number>;
  scoredAt: string;
}

/**
 * An expert's score sheet for an application on their panel, before the deadline: the rubric scores and a proposed
 * amount per item the panel judges (every item, or those the text scopes its expert review to, Beijing 第十三条), each
 * within the item's engine ceiling (exactly the fixed amount or 0 for a fixed-amount item).
 * Scoring again before the deadline replaces the earlier sheet.
 */
@Injectable()
export class ScoreApplication {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly route: ReviewRoute,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: ScoreCommand): Promise<ScoreView> {
    const tenantId = RequestContextStore.requireTenantId();
    return this.transactions.run(async (manager) => {
      const application = await ApplicationStore.lock(manager, command.applicationId);
      const context = await requireOpenPanel(manager, application);
      requireSeat(context, command.actor);
      const now = this.clock.now();
      if (now.getTime() > context.panel.dueAt.getTime()) {
        throw new InvalidStateError({ zh: '评分期限已过，不能再评分', en: `Scoring closed at ${context.panel.dueAt.toISOString()}` });
      }
      // The score sheet opens, as the documents do, once the expert has declared no conflict of interest.
      await ExpertDeclarations.assertDeclared(manager, application.id, command.actor.id);
      const program = await ProgramStore.get(manager, application.programId);
      const rubric = program.review.panel?.rubric;
      if (!rubric) throw new ReviewNotConfiguredError({ zh: '本项目未设置评分细则', en: 'The program has no scoring rubric' });
      const sheet = { scores: command.scores, ...(command.comment !== undefined ? { comment: command.comment } : {}) };
      const ceilings = [...(await this.route.panelCeilings(manager, application, program)).values()];
      const errors: ErrorDetail[] = [...validateScoreSheet(rubric, sheet), ...amountErrors(command.amounts, ceilings)];
      if (errors.length > 0) throw new ReviewInputError(errors);
      const amounts = Object.fromEntries(ceilings.map((c) => [c.achievementId, command.amounts[c.achievementId] as number]));
      const stored: StoredScoreSheet = { scores: command.scores as Record<string, number>, ...(command.comment !== undefined ? { comment: command.comment } : {}), amounts };
      const total = scoreSheetTotal(rubric, stored);
      await manager.query(
        `update panel_members set status = 'scored', score_sheet = $3, score_total = $4, scored_at = $5 where application_id = $1 and expert_id = $2`,
        [application.id, command.actor.id, JSON.stringify(stored), total, now],
      );
      await ReviewSteps.append(manager, tenantId, { applicationId: application.id, stage: 'expert_review', outcome: 'scored', actor: command.actor, at: now });
      await this.audit.record(manager, {
        action: 'application.panel-scored',
        entityType: 'application',
        entityId: application.id,
        data: { expertId: command.actor.id, round: context.panel.draw.round, scoreTotal: total, amounts },
      });
      return { applicationId: application.id, expertId: command.actor.id, scoreTotal: total, amounts, scoredAt: now.toISOString() };
    });
  }
}

/** Every item the panel judges needs a proposed amount within its ceiling; any other key is named too. */
export function amountErrors(amounts: Record<string, unknown>, ceilings: readonly AwardCeiling[]): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const known = new Set(ceilings.map((c) => c.achievementId));
  for (const ceiling of ceilings) {
    const path = `amounts.${ceiling.achievementId}`;
    const value = amounts[ceiling.achievementId];
    if (value === undefined) {
      errors.push({ path, message: 'propose an amount in fen for every item (0 to give nothing)' });
      continue;
    }
    if (typeof value !== 'number') {
      errors.push({ path, message: 'must be a whole number of fen' });
      continue;
    }
    const problem = amountProblem(value, ceiling);
    if (problem) errors.push({ path, message: problem, messageZh: amountProblemZh(value, ceiling) ?? undefined });
  }
  for (const key of Object.keys(amounts)) {
    if (!known.has(key)) errors.push({ path: `amounts.${key}`, message: 'is not an item this panel judges (not an achievement of this application, or outside the scope of its expert review)' });
  }
  return errors;
}
