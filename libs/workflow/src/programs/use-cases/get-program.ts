import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { AllocationApprovalReference, AllocationApprovalStore } from '../../allocation-approval/allocation-approval-record';
import { ProgramNotFoundError, ProgramStore } from '../../core';
import { ProgramPolicy } from '../program-policy';
import { ProgramRows } from '../program-row-writes';
import { ProgramView, toProgramView } from '../program-view';
import { visibleStatuses } from '../program-visibility';

/** One program; an applicant asking for an unpublished one gets 404, as if it did not exist. */
@Injectable()
export class GetProgram {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly programPolicy: ProgramPolicy,
  ) {}

  execute(actor: Actor, programId: string): Promise<ProgramView & { allocationApproval: AllocationApprovalReference | null }> {
    return this.transactions.run(async (manager) => {
      const program = await ProgramStore.get(manager, programId);
      const visible = visibleStatuses(actor);
      if (visible && !visible.includes(program.status)) throw new ProgramNotFoundError();
      const sources = await ProgramRows.sources(manager, [program.id]);
      // allocationApproval: the higher authority's approval of the allocation, once recorded (../../allocation-approval).
      const allocationApproval = await AllocationApprovalStore.reference(manager, program.id);
      return { ...toProgramView(program, sources.get(program.id) ?? [], this.programPolicy.current(program)), allocationApproval };
    });
  }
}
