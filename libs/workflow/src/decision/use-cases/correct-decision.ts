import { applicationStatusZh } from '../../core/status-names';
import { Injectable } from '@nestjs/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { Actor } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { ApplicationStore, ApplicationTransitions, InvalidStateError, ProgramRecord, ProgramStore } from '../../core';
import { CorrectionExceedsBudgetError, PublicityAlreadyOpenedError } from '../decision-errors';
import { DecideItemCommand } from '../decision-input';
import { DecisionItemStore } from '../decision-item-store';
import { DecidedApplication, DecisionRecorder } from '../decision-recorder';
import { fenToYuan } from '../yuan';
import { assertProgramDecidable } from './decide-application';

export interface CorrectDecisionCommand {
  applicationId: string;
  items: DecideItemCommand[];
  /** Why the decision is corrected; audited with the old and new values and sent to the applicant. */
  reason: string;
}

export interface CorrectedDecision extends DecidedApplication {
  previousTotalFen: number;
  reason: string;
}

/** Statuses an application reaches once its program's publicity opened. */
const PUBLICIZED = ['in_publicity', 'objection_review', 'approved', 'handed_over'];

/**
 * Corrects a decided application (its amounts item by item, or the outcome: every item at 0 rejects it) until the
 * program's publicity opens. The application goes back to awaiting_decision and is decided again under the same rules
 * as the first time (engine ceilings, a reason for each departure from the review's proposal, fresh snapshots). Once
 * the program's budget rule was applied, the corrected awards must still fit the budget; the other awards and the
 * stored ranks are left as they are. Audited with the old and new values and the reason; the applicant is told.
 */
@Injectable()
export class CorrectDecision {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly transitions: ApplicationTransitions,
    private readonly recorder: DecisionRecorder,
    private readonly notifier: Notifier,
  ) {}

  execute(actor: Actor, command: CorrectDecisionCommand): Promise<CorrectedDecision> {
    return this.transactions.run(async (manager) => {
      // The program first, as opening the publicity locks it: a correction and the opening never interleave.
      const { programId } = await ApplicationStore.get(manager, command.applicationId);
      const program = await ProgramStore.lock(manager, programId);
      const application = await ApplicationStore.lock(manager, command.applicationId);
      const [publicity] = await queryRows<{ id: string }>(manager, `select id from publicities where program_id = $1 limit 1`, [program.id]);
      if (publicity || PUBLICIZED.includes(application.status)) throw new PublicityAlreadyOpenedError();
      if (application.status !== 'decided') {
        throw new InvalidStateError({
          zh: `只有已审定的申报可以更正资助决定；该申报当前为“${applicationStatusZh(application.status)}”`,
          en: `Only a decided application's decision can be corrected; this one is ${application.status}`,
        });
      }
      if (program.status !== 'decided') assertProgramDecidable(program);
      const beforeItems = await DecisionItemStore.forApplication(manager, application.id);
      const previousTotalFen = Number(application.decidedTotalFen ?? '0');
      const reopened = await this.transitions.move(manager, application, {
        to: 'awaiting_decision',
        action: 'application.decision-reopened',
        reason: command.reason,
      });
      const { rejectionReason: _shownInAudit, ...decided } = await this.recorder.record(manager, actor, reopened, program, command.items, {
        action: 'application.decision-corrected',
        reason: command.reason,
        data: {
          before: {
            status: application.status,
            decidedTotalFen: previousTotalFen,
            items: beforeItems.map((i) => ({ achievementId: i.achievementId, proposedFen: Number(i.proposedFen), decidedFen: Number(i.decidedFen), reason: i.reason })),
          },
        },
      });
      if (program.status === 'decided') await assertWithinBudget(manager, program);
      await this.notifier.notify(manager, [{ organizationId: application.organizationId }], {
        kind: 'application.decision-corrected',
        subject: `${program.title}：资助决定已更正`,
        body:
          decided.status === 'rejected'
            ? `您的申请经更正后未获资助（原拟资助 ${fenToYuan(previousTotalFen)} 元）。理由：${command.reason}`
            : `您的申请拟资助金额由 ${fenToYuan(previousTotalFen)} 元更正为 ${fenToYuan(decided.decidedTotalFen)} 元。理由：${command.reason}`,
        entity: { type: 'application', id: application.id },
      });
      return { ...decided, previousTotalFen, reason: command.reason };
    });
  }
}

/** After the budget rule was applied, the program's awards (decided, not yet publicized) may not exceed its budget. */
async function assertWithinBudget(manager: EntityManager, program: ProgramRecord): Promise<void> {
  const [row] = await queryRows<{ total: string }>(
    manager,
    `select coalesce(sum(decided_total_fen), 0)::text as total from applications where program_id = $1 and status = 'decided'`,
    [program.id],
  );
  if (BigInt(row.total) > BigInt(program.budgetTotalFen)) throw new CorrectionExceedsBudgetError(Number(program.budgetTotalFen), Number(row.total));
}
