import { programStatusZh } from '../../core/status-names';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { AllocationApprovalRequiredError, AllocationApprovalStaleError } from '../../allocation-approval/allocation-approval-errors';
import { AllocationApprovalReference, AllocationApprovalStore, toReference } from '../../allocation-approval/allocation-approval-record';
import { ApplicationRecord, ApplicationStore, ApplicationTransitions, InvalidStateError, ProgramStore } from '../../core';
import { ProgramPolicy } from '../../programs/program-policy';
import { handOverNotice } from '../award-notices';
import { fenToYuan } from '../../decision/yuan';

export interface HandOver {
  programId: string;
  handedOverAt: string;
  applicationIds: string[];
  totalFen: number;
  /** The program budget the program office set: it travels to finance, which confirms it (or sets another with a reason). */
  budgetTotalFen: number;
  /** What authorises the payment where the policy requires a higher approval (procedure.allocationApproval); else null. */
  allocationApproval: AllocationApprovalReference | null;
}

/**
 * After publicity, the approved awards go to the finance side as one list; the program is then handed over. Where the
 * program's policy requires the allocation to be approved by a higher authority first (procedure.allocationApproval,
 * e.g. Foshan 第十三条 报市人民政府批准后 … 拨付), the recorded approval must exist and cover exactly this list.
 */
@Injectable()
export class HandOverToFinance {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly transitions: ApplicationTransitions,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    private readonly programPolicy: ProgramPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(programId: string): Promise<HandOver> {
    return this.transactions.run(async (manager) => {
      const program = await ProgramStore.lock(manager, programId);
      if (program.status !== 'publicized') throw new InvalidStateError({ zh: `只有公示完毕的项目可以移交财务；本项目当前为“${programStatusZh(program.status)}”`, en: `Only a publicized program can be handed over; this one is ${program.status}` });
      const approved = await queryRows<ApplicationRecord>(
        manager,
        `select ${ApplicationStore.COLUMNS} from applications where program_id = $1 and status = 'approved' order by id for update`,
        [program.id],
      );
      const required = this.programPolicy.resolve(program).procedure.allocationApproval;
      const approval = await AllocationApprovalStore.find(manager, program.id);
      if (required && !approval) throw new AllocationApprovalRequiredError(required.article, required.by);
      const total = approved.reduce((sum, application) => sum + BigInt(application.decidedTotalFen ?? '0'), 0n);
      // The list cannot change once publicized (approved only moves to handed_over); checked anyway, as the approval
      // authorises exactly the list and the total it was recorded against.
      if (approval) {
        const sameList = [...approval.applicationIds].sort().join() === approved.map((a) => a.id).sort().join();
        if (!sameList || BigInt(approval.approvedTotalFen) !== total) throw new AllocationApprovalStaleError(approval.documentNo);
      }
      const reference = approval ? toReference(approval) : null;
      for (const application of approved) {
        await this.transitions.move(manager, application, { to: 'handed_over', action: 'application.handed-over' });
        await this.notifier.notify(manager, [{ organizationId: application.organizationId }], handOverNotice(application.id, program.title, application.decidedTotalFen));
      }
      const now = this.clock.now();
      await manager.query(`update programs set status = 'handed_over', handed_over_at = $2, updated_at = $2, version = version + 1 where id = $1`, [program.id, now]);
      await this.audit.record(manager, {
        action: 'program.handed-over',
        entityType: 'program',
        entityId: program.id,
        data: { from: 'publicized', to: 'handed_over', applications: approved.map((a) => a.id), totalFen: total.toString(), budgetTotalFen: program.budgetTotalFen, ...(reference ? { allocationApproval: reference } : {}) },
      });
      const budget = `项目预算 ${fenToYuan(program.budgetTotalFen)} 元随名单移交，请确认预算后办理拨付。`;
      await this.notifier.notify(manager, [{ role: 'finance_officer' }], {
        kind: 'program.handed-over',
        subject: `${program.title}：资助名单已移交财务`,
        body: reference
          ? `共 ${approved.length} 个项目获批，资金分配已经${reference.approvedBy}批准（${reference.documentNo}，${reference.approvedOn}，${reference.article}），${budget}`
          : `共 ${approved.length} 个项目获批，${budget}`,
        entity: { type: 'program', id: program.id },
      });
      return {
        programId: program.id,
        handedOverAt: now.toISOString(),
        applicationIds: approved.map((a) => a.id),
        totalFen: Number(total),
        budgetTotalFen: Number(program.budgetTotalFen),
        allocationApproval: reference,
      };
    });
  }
}
