import { programStatusZh } from '../../core/status-names';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock, cstDateOf, cstToday } from '@subsidy/calendar';
import { CLOCK, invalidRequest, Localized, ValidationFailedError } from '@subsidy/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { InvalidStateError, ProgramStore } from '../../core';
import { ProgramPolicy } from '../../programs/program-policy';
import {
  AllocationAlreadyApprovedError,
  AllocationApprovalNotRequiredError,
  AllocationTotalMismatchError,
} from '../allocation-approval-errors';
import { AllocationApprovalRecord, AllocationApprovalStore } from '../allocation-approval-record';

/** Shape-checked by the HTTP layer (RecordAllocationApprovalDto: texts trimmed and not blank, a real date, whole fen). */
export interface RecordAllocationApprovalCommand {
  programId: string;
  /** The approving body as named on the approval; defaults to the body the policy names (procedure.allocationApproval.by). */
  approvedBy?: string;
  /** 批复文号 of the approval document. */
  documentNo: string;
  /** CST calendar date of the approval, YYYY-MM-DD. */
  approvedOn: string;
  /** The total the approval allocates, in fen: must equal the total of the program's approved awards. */
  approvedTotalFen: number;
  note?: string;
}

/**
 * Records the approval of a program's allocation by the higher authority its policy names (Foshan 第十三条: 由市质监局提出
 * 资金分配具体额度，报市人民政府批准后，由市财政局统一拨付). Done by the program office once the publicity is over (the list
 * is final) and before the hand-over, which refuses without it. The approval covers exactly the approved list of that
 * moment: its total must match, and the list's application ids are stored so hand-over can check it pays that list.
 */
@Injectable()
export class RecordAllocationApproval {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly programPolicy: ProgramPolicy,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(actor: Actor, input: RecordAllocationApprovalCommand): Promise<AllocationApprovalRecord> {
    return this.transactions.run(async (manager) => {
      const program = await ProgramStore.lock(manager, input.programId);
      const existing = await AllocationApprovalStore.find(manager, program.id);
      if (existing) throw new AllocationAlreadyApprovedError(existing.documentNo, existing.approvedOn);
      if (program.status !== 'publicized') {
        throw new InvalidStateError({
          zh: `资金分配的批准应在公示结束后、移交财务前登记；本项目当前为“${programStatusZh(program.status)}”`,
          en: `The allocation is approved once the publicity is over and before the hand-over; this program is ${program.status}`,
        });
      }
      const required = this.programPolicy.resolve(program).procedure.allocationApproval;
      if (!required) throw new AllocationApprovalNotRequiredError(program.policyId);

      const today = cstToday(this.clock);
      if (input.approvedOn > today) throw invalid('approvedOn', { zh: `批准日期 ${input.approvedOn} 晚于今天（${today}）`, en: `${input.approvedOn} is after today (${today}, China Standard Time)` });
      const [{ decidedAt }] = await queryRows<{ decidedAt: Date | null }>(manager, `select decided_at as "decidedAt" from programs where id = $1`, [program.id]);
      // A program written without a recorded decision time (imported rows) has no lower bound but today.
      if (decidedAt && input.approvedOn < cstDateOf(decidedAt)) {
        throw invalid('approvedOn', {
          zh: `批准日期 ${input.approvedOn} 早于项目审定日期（${cstDateOf(decidedAt)}）`,
          en: `${input.approvedOn} is before the program was decided (${cstDateOf(decidedAt)}); the approval approves the decided allocation`,
        });
      }

      // The same list and the same sum the hand-over will move (approved applications, decided_total_fen).
      const [list] = await queryRows<{ totalFen: string; applicationIds: string[] }>(
        manager,
        `select coalesce(sum(decided_total_fen), 0)::text as "totalFen", coalesce(array_agg(id::text order by id), '{}') as "applicationIds"
           from applications where program_id = $1 and status = 'approved'`,
        [program.id],
      );
      const listTotal = BigInt(list.totalFen);
      if (BigInt(input.approvedTotalFen) !== listTotal) throw new AllocationTotalMismatchError(input.approvedTotalFen, listTotal);

      const now = this.clock.now();
      const record: AllocationApprovalRecord = {
        programId: program.id,
        approvedBy: input.approvedBy ?? required.by,
        documentNo: input.documentNo,
        approvedOn: input.approvedOn,
        approvedTotalFen: input.approvedTotalFen,
        applicationIds: list.applicationIds,
        article: required.article,
        source: required.source,
        // A blank note is no note.
        note: input.note || null,
        recordedBy: actor.id,
        recordedAt: now.toISOString(),
      };
      await AllocationApprovalStore.insert(manager, program.tenantId, { ...record, recordedAt: now });
      await this.audit.record(manager, {
        action: 'program.allocation-approved',
        entityType: 'program',
        entityId: program.id,
        reason: record.note ?? `${required.article}：资金分配具体额度报${required.by}批准`,
        data: {
          approvedBy: record.approvedBy,
          requiredBy: required.by,
          documentNo: record.documentNo,
          approvedOn: record.approvedOn,
          approvedTotalFen: String(record.approvedTotalFen),
          applications: record.applicationIds,
          article: required.article,
          source: required.source,
        },
      });
      return record;
    });
  }
}

function invalid(path: string, message: Localized): ValidationFailedError {
  const details = [{ path, message: message.en, messageZh: message.zh }];
  return new ValidationFailedError(invalidRequest(details), details);
}
