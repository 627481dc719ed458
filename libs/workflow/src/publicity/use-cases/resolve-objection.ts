import { applicationStatusZh } from '../../core/status-names';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK, ErrorDetail, invalidRequest, ValidationFailedError } from '@subsidy/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Notifier, Recipient } from '@subsidy/notifications';
import { Actor } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { ApplicationRecord, ApplicationStatus, ApplicationStore, ApplicationTransitions, InvalidStateError } from '../../core';
import { DecisionItemRecord, DecisionItemStore } from '../../decision/decision-item-store';
import { amountProblem, amountProblemZh } from '../../pricing/amount-problem';
import { AwardCeiling } from '../../pricing/award-ceiling';
import { fenToYuan } from '../../decision/yuan';
import { approvalNotice } from '../award-notices';
import { ObjectionRecord, ObjectionStore } from '../objection-record';
import { ProgramPublicized } from '../program-publicized';
import { PublicityStore } from '../publicity-record';
import { stepTimeSql } from '../../review/review-steps';

export interface ResolveObjectionCommand {
  objectionId: string;
  outcome: 'upheld' | 'dismissed';
  explanation: string;
  /** Upheld: the re-reviewed amounts of the items that change (each within its ceiling). */
  items?: Array<{ achievementId: string; amountFen: number }>;
}

export interface ResolvedObjection {
  objectionId: string;
  status: 'upheld' | 'dismissed';
  applicationId: string;
  applicationStatus: ApplicationStatus;
  decidedTotalFen: number;
}

/**
 * The program office's answer to an objection after re-review. Upheld with new amounts changes the award (all zero
 * rejects it); either way the application returns to the publicity while it runs, or is approved once it has closed.
 * The objector is told the outcome by e-mail where they left an address (the phone stays with the office).
 */
@Injectable()
export class ResolveObjection {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly transitions: ApplicationTransitions,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    private readonly publicized: ProgramPublicized,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(actor: Actor, command: ResolveObjectionCommand): Promise<ResolvedObjection> {
    if (command.outcome === 'dismissed' && command.items && command.items.length > 0) {
      throw new ValidationFailedError({ zh: '只有异议成立时才能调整金额', en: 'Invalid request: items' }, [
        { path: 'items', message: 'only an upheld objection changes the amounts', messageZh: '异议不成立时不能调整金额' },
      ]);
    }
    return this.transactions.run(async (manager) => {
      // Publicity, then objection, then application: the order the objection digest (publicity, its objections) and
      // the closing job (publicity, applications) lock them in, so a resolution racing either waits instead of
      // deadlocking; racing the close it either sees it closed (and approves) or holds it off until the award is back
      // on display. The objection's publicity is read unlocked first only to know which publicity to lock.
      const [located] = await queryRows<{ publicityId: string }>(manager, `select publicity_id as "publicityId" from objections where id = $1`, [command.objectionId]);
      const publicity = located ? await PublicityStore.lock(manager, located.publicityId) : undefined;
      const objection = await ObjectionStore.lock(manager, command.objectionId);
      if (objection.status !== 'received') throw new InvalidStateError({ zh: '该异议已处理完毕', en: `The objection was already ${objection.status}` });
      if (!publicity) throw new InvalidStateError({ zh: '该异议不属于任何公示', en: 'The objection belongs to no publicity' });
      const application = await ApplicationStore.lock(manager, objection.applicationId);
      if (application.status !== 'objection_review') throw new InvalidStateError({ zh: `该申报当前为“${applicationStatusZh(application.status)}”，不在异议复核中`, en: `The application is ${application.status}, not under objection review` });
      const now = this.clock.now();

      const changes = command.outcome === 'upheld' ? await this.applyChanges(manager, application.id, command) : [];
      const totalFen = await DecisionItemStore.total(manager, application.id);
      await manager.query(`update applications set decided_total_fen = $2 where id = $1`, [application.id, totalFen]);
      await manager.query(`update objections set status = $2, outcome = $3, resolved_at = $4 where id = $1`, [objection.id, command.outcome, command.explanation, now]);
      await this.audit.record(manager, {
        action: `objection.${command.outcome}`,
        entityType: 'objection',
        entityId: objection.id,
        reason: command.explanation,
        data: { applicationId: application.id, changes, decidedTotalFen: totalFen },
      });
      await manager.query(
        `insert into review_steps (tenant_id, application_id, stage, outcome, reasons, actor_id, actor_role, created_at) values ($1, $2, 'objection_review', $3, $4, $5, $6, ${stepTimeSql('$7', '$2')})`,
        [application.tenantId, application.id, command.outcome, JSON.stringify([command.explanation]), actor.id, actor.role ?? null, now],
      );

      const next = await this.nextStatus(manager, application, objection, totalFen, publicity.status);
      const moved = next === application.status ? application : await this.transitions.move(manager, application, {
        to: next,
        action: next === 'rejected' ? 'application.rejected' : next === 'approved' ? 'application.approved' : 'application.in-publicity',
        reason: next === 'rejected' ? `objection upheld: ${command.explanation}` : null,
        data: { objectionId: objection.id, outcome: command.outcome },
      });
      await this.tellObjector(manager, objection, command, totalFen);
      await this.notifier.notify(manager, [{ organizationId: application.organizationId }], {
        kind: `objection.${command.outcome}`,
        subject: command.outcome === 'upheld' ? '公示异议经复核成立' : '公示异议经复核不成立',
        body: `复核结论：${command.explanation}。现拟资助金额 ${fenToYuan(totalFen)} 元。`,
        entity: { type: 'application', id: application.id },
      });
      if (moved.status === 'approved') {
        const [program] = await queryRows<{ title: string }>(manager, `select title from programs where id = $1`, [publicity.programId]);
        await this.notifier.notify(manager, [{ organizationId: application.organizationId }], approvalNotice(application.id, program.title, totalFen));
      }
      await this.publicized.settleIfDone(manager, publicity.programId, now);
      return { objectionId: objection.id, status: command.outcome, applicationId: application.id, applicationStatus: moved.status, decidedTotalFen: totalFen };
    });
  }

  /** Sets the re-reviewed amounts; each stays within the item's recorded ceiling (and a fixed item is all or nothing). */
  private async applyChanges(manager: EntityManager, applicationId: string, command: ResolveObjectionCommand): Promise<Array<{ achievementId: string; fromFen: number; toFen: number }>> {
    const items = command.items ?? [];
    if (items.length === 0) {
      throw new ValidationFailedError({ zh: '异议成立时须填写复核后调整的金额', en: 'Invalid request: items' }, [
        { path: 'items', message: 'an upheld objection needs the re-reviewed amounts of the items it changes', messageZh: '须填写复核后调整的金额' },
      ]);
    }
    const current = new Map((await DecisionItemStore.forApplication(manager, applicationId)).map((i) => [i.achievementId, i]));
    const details: ErrorDetail[] = [];
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const recorded = current.get(item.achievementId);
      if (!recorded) return details.push({ path: `items[${index}].achievementId`, message: `"${item.achievementId}" is not a decided item of this application` });
      if (seen.has(item.achievementId)) details.push({ path: `items[${index}].achievementId`, message: `"${item.achievementId}" appears twice` });
      seen.add(item.achievementId);
      const problem = amountProblem(item.amountFen, ceilingOf(recorded));
      if (problem) details.push({ path: `items[${index}].amountFen`, message: problem, messageZh: amountProblemZh(item.amountFen, ceilingOf(recorded)) ?? undefined });
      return undefined;
    });
    if (details.length > 0) throw new ValidationFailedError(invalidRequest(details), details);
    const changes: Array<{ achievementId: string; fromFen: number; toFen: number }> = [];
    for (const item of items) {
      const recorded = current.get(item.achievementId) as DecisionItemRecord;
      await DecisionItemStore.setDecided(manager, applicationId, item.achievementId, item.amountFen, `objection upheld: ${command.explanation}`);
      changes.push({ achievementId: item.achievementId, fromFen: Number(recorded.decidedFen), toFen: item.amountFen });
    }
    return changes;
  }

  private async nextStatus(manager: EntityManager, application: ApplicationRecord, objection: ObjectionRecord, totalFen: number, publicityStatus: 'open' | 'closed'): Promise<ApplicationStatus> {
    if (totalFen === 0) return 'rejected';
    const [others] = await queryRows<{ count: number }>(
      manager,
      `select count(*)::int as count from objections where application_id = $1 and status = 'received' and id <> $2`,
      [application.id, objection.id],
    );
    // Another objection to the same award is still open: the award stays under review until that one is answered too.
    if (others.count > 0) return application.status;
    return publicityStatus === 'open' ? 'in_publicity' : 'approved';
  }

  /**
   * The texts require the outcome and its basis to reach the objector (e.g. Tianjin 第十九条（五）). By e-mail where one
   * was given; otherwise the office is told to telephone, with the number and the text to read out.
   */
  private async tellObjector(manager: EntityManager, objection: ObjectionRecord, command: ResolveObjectionCommand, totalFen: number): Promise<void> {
    const outcome = `您提出的异议经复核${command.outcome === 'upheld' ? '成立' : '不成立'}。${command.explanation}。该项目现拟资助金额 ${fenToYuan(totalFen)} 元。`;
    if (objection.contactEmail) {
      const recipient: Recipient = { email: objection.contactEmail, name: objection.contactName };
      await this.notifier.notify(manager, [recipient], {
        kind: `objection.${command.outcome}`,
        subject: `您提出的公示异议（编号 ${objection.id}）已有复核结论`,
        body: `${objection.contactName}：${outcome}`,
        entity: { type: 'objection', id: objection.id },
      });
      return;
    }
    await this.notifier.notify(manager, [{ role: 'program_officer' }], {
      kind: 'objection.reply-by-phone',
      subject: `请电话告知异议人复核结论（异议编号 ${objection.id}）`,
      body: `异议人 ${objection.contactName} 只留了电话 ${objection.contactPhone ?? '（无）'}，请致电告知：${outcome}`,
      entity: { type: 'objection', id: objection.id },
    });
  }
}

/** The ceiling recorded with the decision: an objection is re-reviewed against what was decided, not re-priced. */
function ceilingOf(item: DecisionItemRecord): AwardCeiling {
  return { achievementId: item.achievementId, ceilingFen: Number(item.ceilingFen), basis: item.basis, article: item.article };
}
