import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { queryRows } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { ApplicationRecord, ApplicationTransitions, ProgramRecord } from '../core';
import { ApplicationAchievements } from '../applications/application-achievements';
import { ApplicationPricing } from '../pricing/application-pricing';
import { AwardCeiling } from '../pricing/award-ceiling';
import { ProgramPolicy } from '../programs/program-policy';
import { stepTimeSql } from '../review/review-steps';
import { checkDepartureReasons, checkItems, DecideItemCommand, rejectionReasonOf } from './decision-input';
import { itemSnapshot, publishedItemLabel, snapshotDecidedOrganization } from './decision-snapshot';
import { ItemOpinion, proposedAmount } from './proposed-amount';

export interface DecisionItemResult {
  achievementId: string;
  ceilingFen: number;
  basis: 'fixed' | 'ceiling';
  article: string | null;
  proposedFen: number;
  decidedFen: number;
  reason: string | null;
}

export interface DecidedApplication {
  applicationId: string;
  status: 'decided' | 'rejected';
  decidedTotalFen: number;
  items: DecisionItemResult[];
}

/** How the move out of awaiting_decision is audited when it is not a first decision (a correction). */
export interface DecisionAudit {
  action: string;
  reason: string;
  data: Record<string, unknown>;
}

export interface RecordedDecision extends DecidedApplication {
  /** The reason of a full rejection (the items' reasons), null when money was granted. */
  rejectionReason: string | null;
}

/**
 * Writes a decision for an application awaiting one: checks the items against the engine's ceilings and the review's
 * proposal (a departure needs a reason), stores them with their snapshots, moves the application to decided or
 * rejected and appends the decision step. Shared by the first decision and its correction, so both obey the same rules.
 */
@Injectable()
export class DecisionRecorder {
  constructor(
    private readonly transitions: ApplicationTransitions,
    private readonly pricing: ApplicationPricing,
    private readonly programPolicy: ProgramPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * What the decision screen shows before the office decides: each achievement (in the application's order) with the
   * label the lists will give it, its ceiling (with its article) and the review's proposal, exactly as `record` would
   * check them. Writes nothing.
   */
  async proposals(manager: EntityManager, application: ApplicationRecord, program: ProgramRecord): Promise<Array<Omit<DecisionItemResult, 'decidedFen' | 'reason'> & { label: string }>> {
    const { ceilings, policyItems } = await this.pricing.ceilingsWithItems(manager, application, program);
    const policy = this.programPolicy.resolve(program);
    const opinions = await loadOpinions(manager, application.id);
    const combine = program.review.panel?.combine ?? 'mean';
    const achievements = await ApplicationAchievements.list(manager, application.id);
    return achievements.map((achievement) => {
      const ceiling = ceilings.get(achievement.id) ?? { achievementId: achievement.id, ceilingFen: 0, basis: 'ceiling' as const, article: null };
      return {
        achievementId: achievement.id,
        label: publishedItemLabel(itemSnapshot(achievement.id, achievement as Record<string, unknown>, policyItems.get(achievement.id) ?? [], policy)),
        ceilingFen: ceiling.ceilingFen,
        basis: ceiling.basis,
        article: ceiling.article,
        proposedFen: proposedAmount(ceiling.ceilingFen, opinions.get(achievement.id) ?? [], combine),
      };
    });
  }

  async record(
    manager: EntityManager,
    actor: Actor,
    application: ApplicationRecord,
    program: ProgramRecord,
    commandItems: readonly DecideItemCommand[],
    audit: DecisionAudit | null = null,
  ): Promise<RecordedDecision> {
    const { ceilings, policyItems } = await this.pricing.ceilingsWithItems(manager, application, program);
    checkItems(commandItems, ceilings);
    const opinions = await loadOpinions(manager, application.id);
    const combine = program.review.panel?.combine ?? 'mean';
    const items: DecisionItemResult[] = commandItems.map((item) => {
      const ceiling = ceilings.get(item.achievementId) as AwardCeiling;
      return {
        achievementId: item.achievementId,
        ceilingFen: ceiling.ceilingFen,
        basis: ceiling.basis,
        article: ceiling.article,
        proposedFen: proposedAmount(ceiling.ceilingFen, opinions.get(item.achievementId) ?? [], combine),
        decidedFen: item.amountFen,
        reason: item.reason?.trim() ? item.reason.trim() : null,
      };
    });
    checkDepartureReasons(commandItems, items.map((i) => i.proposedFen));
    const total = items.reduce((sum, item) => sum + item.decidedFen, 0);
    const rejectionReason = total === 0 ? rejectionReasonOf(items) : null;
    await this.writeItems(manager, application, program, items, policyItems);
    const status = total === 0 ? 'rejected' : 'decided';
    // Who was decided, as the organization reads now: every list after the decision names it so, whatever its name later.
    const decidedAs = await snapshotDecidedOrganization(manager, application.id);
    const data = {
      decidedTotalFen: total,
      organization: decidedAs,
      items: items.map((i) => ({ achievementId: i.achievementId, ceilingFen: i.ceilingFen, proposedFen: i.proposedFen, decidedFen: i.decidedFen, reason: i.reason })),
    };
    await this.transitions.move(manager, application, {
      to: status,
      action: audit?.action ?? (total === 0 ? 'application.rejected' : 'application.decided'),
      reason: audit ? audit.reason : rejectionReason,
      data: audit ? { ...audit.data, after: { status, ...data }, ...(rejectionReason ? { rejectionReason } : {}) } : data,
    });
    await manager.query(`update applications set decided_total_fen = $2 where id = $1`, [application.id, total]);
    await manager.query(
      `insert into review_steps (tenant_id, application_id, stage, outcome, reasons, actor_id, actor_role, created_at) values ($1, $2, 'decision', $3, $4, $5, $6, ${stepTimeSql('$7', '$2')})`,
      [
        application.tenantId,
        application.id,
        status,
        JSON.stringify(items.filter((i) => i.reason).map((i) => ({ achievementId: i.achievementId, reason: i.reason }))),
        actor.id,
        actor.role ?? null,
        this.clock.now(),
      ],
    );
    return { applicationId: application.id, status, decidedTotalFen: total, items, rejectionReason };
  }

  private async writeItems(
    manager: EntityManager,
    application: ApplicationRecord,
    program: ProgramRecord,
    items: readonly DecisionItemResult[],
    policyItems: Map<string, string[]>,
  ): Promise<void> {
    const policy = this.programPolicy.resolve(program);
    const payloads = new Map((await ApplicationAchievements.list(manager, application.id)).map((a) => [a.id, a as Record<string, unknown>]));
    await manager.query(`delete from decision_items where application_id = $1`, [application.id]);
    for (const item of items) {
      // What the item is called from now on: the policy's name for it and the standard number, as of this decision.
      const label = itemSnapshot(item.achievementId, payloads.get(item.achievementId) ?? {}, policyItems.get(item.achievementId) ?? [], policy);
      await manager.query(
        `insert into decision_items (tenant_id, application_id, achievement_id, ceiling_fen, basis, article, proposed_fen, decided_fen, reason,
                                     policy_label, standard_no, achievement_label)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          application.tenantId,
          application.id,
          item.achievementId,
          item.ceilingFen,
          item.basis,
          item.article,
          item.proposedFen,
          item.decidedFen,
          item.reason,
          label.policyLabel,
          label.standardNo,
          label.achievementLabel,
        ],
      );
    }
  }
}

async function loadOpinions(manager: EntityManager, applicationId: string): Promise<Map<string, ItemOpinion[]>> {
  const rows = await queryRows<ItemOpinion & { achievementId: string; amountFen: string | null }>(
    manager,
    `select achievement_id as "achievementId", stage, opinion, amount_fen::text as "amountFen" from item_opinions
      where application_id = $1 and stage in ('technical_review', 'expert_review') order by created_at, author_id`,
    [applicationId],
  );
  const byItem = new Map<string, ItemOpinion[]>();
  for (const row of rows) {
    const list = byItem.get(row.achievementId) ?? [];
    list.push({ stage: row.stage, opinion: row.opinion, amountFen: row.amountFen === null ? null : Number(row.amountFen) });
    byItem.set(row.achievementId, list);
  }
  return byItem;
}
