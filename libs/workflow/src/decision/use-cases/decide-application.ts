import { Injectable } from '@nestjs/common';
import { ErrorDetail } from '@subsidy/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { Actor } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { ApplicationRecord, ApplicationStore, ApplicationTransitions, InvalidStateError, ProgramRecord, ProgramStore } from '../../core';
import { DecisionInputError } from '../decision-errors';
import { amountProblem } from '../../pricing/amount-problem';
import { ApplicationPricing } from '../../pricing/application-pricing';
import { AwardCeiling } from '../../pricing/award-ceiling';
import { ApplicationAchievements } from '../../applications/application-achievements';
import { ProgramPolicy } from '../../programs/program-policy';
import { itemSnapshot, snapshotDecidedOrganization } from '../decision-snapshot';
import { ItemOpinion, proposedAmount } from '../proposed-amount';
import { fenToYuan } from '../yuan';

export interface DecideItemCommand {
  achievementId: string;
  amountFen: number;
  reason?: string;
}

export interface DecideApplicationCommand {
  applicationId: string;
  items: DecideItemCommand[];
}

export interface DecidedApplication {
  applicationId: string;
  status: 'decided' | 'rejected';
  decidedTotalFen: number;
  items: Array<{ achievementId: string; ceilingFen: number; basis: 'fixed' | 'ceiling'; article: string | null; proposedFen: number; decidedFen: number; reason: string | null }>;
}

/**
 * The program office fixes each item's amount (at most the policy ceiling; a fixed item is its amount or nothing).
 * Everything at 0 rejects the application, which then needs a reason. A batch program decides after it closed; a
 * rolling one case by case while it is open.
 */
@Injectable()
export class DecideApplication {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly transitions: ApplicationTransitions,
    private readonly pricing: ApplicationPricing,
    private readonly programPolicy: ProgramPolicy,
    private readonly notifier: Notifier,
  ) {}

  execute(actor: Actor, command: DecideApplicationCommand): Promise<DecidedApplication> {
    return this.transactions.run(async (manager) => {
      const application = await ApplicationStore.lock(manager, command.applicationId);
      if (application.status !== 'awaiting_decision') {
        throw new InvalidStateError(`Only an application awaiting decision can be decided; this one is ${application.status}`);
      }
      const program = await ProgramStore.get(manager, application.programId);
      assertProgramDecidable(program);
      const { ceilings, policyItems } = await this.pricing.ceilingsWithItems(manager, application, program);
      checkItems(command.items, ceilings);
      const policy = this.programPolicy.resolve(program);
      const payloads = new Map((await ApplicationAchievements.list(manager, application.id)).map((a) => [a.id, a as Record<string, unknown>]));
      const opinions = await loadOpinions(manager, application.id);
      const combine = program.review.panel?.combine ?? 'mean';
      const items = command.items.map((item) => {
        const ceiling = ceilings.get(item.achievementId) as AwardCeiling;
        return {
          achievementId: item.achievementId,
          ceilingFen: ceiling.ceilingFen,
          basis: ceiling.basis,
          article: ceiling.article,
          proposedFen: proposedAmount(ceiling.ceilingFen, opinions.get(item.achievementId) ?? [], combine),
          decidedFen: item.amountFen,
          reason: item.reason ?? null,
        };
      });
      const total = items.reduce((sum, item) => sum + item.decidedFen, 0);
      const rejectionReason = total === 0 ? rejectionReasonOf(items) : null;
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
      const status = total === 0 ? 'rejected' : 'decided';
      // Who was decided, as the organization reads now: every list after the decision names it so, whatever its name later.
      const decidedAs = await snapshotDecidedOrganization(manager, application.id);
      await this.transitions.move(manager, application, {
        to: status,
        action: total === 0 ? 'application.rejected' : 'application.decided',
        reason: rejectionReason,
        data: {
          decidedTotalFen: total,
          organization: decidedAs,
          items: items.map((i) => ({ achievementId: i.achievementId, ceilingFen: i.ceilingFen, decidedFen: i.decidedFen })),
        },
      });
      await manager.query(`update applications set decided_total_fen = $2 where id = $1`, [application.id, total]);
      await manager.query(
        `insert into review_steps (tenant_id, application_id, stage, outcome, reasons, actor_id, actor_role) values ($1, $2, 'decision', $3, $4, $5, $6)`,
        [application.tenantId, application.id, status, JSON.stringify(items.filter((i) => i.reason).map((i) => ({ achievementId: i.achievementId, reason: i.reason }))), actor.id, actor.role ?? null],
      );
      await this.notify(manager, application, program, total, rejectionReason);
      return { applicationId: application.id, status, decidedTotalFen: total, items };
    });
  }

  private async notify(manager: EntityManager, application: ApplicationRecord, program: ProgramRecord, totalFen: number, rejectionReason: string | null): Promise<void> {
    await this.notifier.notify(manager, [{ organizationId: application.organizationId }], {
      kind: totalFen === 0 ? 'application.rejected' : 'application.decided',
      subject: totalFen === 0 ? `${program.title}：申请未获资助` : `${program.title}：资助金额已拟定`,
      body: totalFen === 0 ? `您的申请未获资助。理由：${rejectionReason}` : `您的申请拟资助 ${fenToYuan(totalFen)} 元，将在公示后确定。`,
      entity: { type: 'application', id: application.id },
    });
  }
}

function assertProgramDecidable(program: ProgramRecord): void {
  if (program.status === 'closed') return;
  if (program.status === 'open' && program.windowKind === 'rolling') return;
  throw new InvalidStateError(
    program.windowKind === 'batch' && program.status === 'open'
      ? 'The program is still open for applications; a batch program is decided after it closes'
      : `Applications of a ${program.status} program cannot be decided`,
  );
}

/** Every achievement once, each amount within its ceiling; every problem is reported with its JSON path. */
function checkItems(items: DecideItemCommand[], ceilings: Map<string, AwardCeiling>): void {
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const ceiling = ceilings.get(item.achievementId);
    if (!ceiling) {
      details.push({ path: `items[${index}].achievementId`, message: `"${item.achievementId}" is not an achievement of this application` });
      return;
    }
    if (seen.has(item.achievementId)) details.push({ path: `items[${index}].achievementId`, message: `"${item.achievementId}" appears twice` });
    seen.add(item.achievementId);
    const problem = amountProblem(item.amountFen, ceiling);
    if (problem) details.push({ path: `items[${index}].amountFen`, message: problem });
  });
  const missing = [...ceilings.keys()].filter((id) => !seen.has(id));
  if (missing.length > 0) details.push({ path: 'items', message: `every achievement needs a decision; missing: ${missing.join(', ')}` });
  if (details.length > 0) throw new DecisionInputError(details);
}

function rejectionReasonOf(items: Array<{ reason: string | null }>): string {
  const reasons = items.map((i) => i.reason).filter((r): r is string => !!r && r.trim() !== '');
  if (reasons.length === 0) {
    throw new DecisionInputError([{ path: 'items[0].reason', message: 'deciding every item at 0 rejects the application: give the reason' }]);
  }
  return [...new Set(reasons)].join('; ');
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
