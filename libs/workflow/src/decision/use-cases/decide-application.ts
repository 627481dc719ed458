import { applicationStatusZh, programStatusZh } from '../../core/status-names';
import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { Actor } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { ApplicationRecord, ApplicationStore, InvalidStateError, ProgramRecord, ProgramStore } from '../../core';
import { DecideItemCommand } from '../decision-input';
import { DecidedApplication, DecisionRecorder } from '../decision-recorder';
import { fenToYuan } from '../yuan';

export interface DecideApplicationCommand {
  applicationId: string;
  items: DecideItemCommand[];
}

/**
 * The program office fixes each item's amount (at most the policy ceiling; a fixed item is its amount or nothing); an
 * amount other than the review's proposal needs the item's reason. Everything at 0 rejects the application, which then
 * needs a reason. A batch program decides after it closed; a rolling one case by case while it is open.
 */
@Injectable()
export class DecideApplication {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly recorder: DecisionRecorder,
    private readonly notifier: Notifier,
  ) {}

  execute(actor: Actor, command: DecideApplicationCommand): Promise<DecidedApplication> {
    return this.transactions.run(async (manager) => {
      const application = await ApplicationStore.lock(manager, command.applicationId);
      if (application.status !== 'awaiting_decision') {
        throw new InvalidStateError({
          zh: `只有待审定的申报可以作出资助决定；该申报当前为“${applicationStatusZh(application.status)}”`,
          en: `Only an application awaiting decision can be decided; this one is ${application.status}`,
        });
      }
      const program = await ProgramStore.get(manager, application.programId);
      assertProgramDecidable(program);
      const { rejectionReason, ...decided } = await this.recorder.record(manager, actor, application, program, command.items);
      await this.notify(manager, application, program, decided.decidedTotalFen, rejectionReason);
      return decided;
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

export function assertProgramDecidable(program: ProgramRecord): void {
  if (program.status === 'closed') return;
  if (program.status === 'open' && program.windowKind === 'rolling') return;
  throw new InvalidStateError(
    program.windowKind === 'batch' && program.status === 'open'
      ? { zh: '项目仍在受理申报，集中受理的项目须在截止受理后审定', en: 'The program is still open for applications; a batch program is decided after it closes' }
      : { zh: `项目当前为“${programStatusZh(program.status)}”，其申报不能审定`, en: `Applications of a ${program.status} program cannot be decided` },
  );
}
