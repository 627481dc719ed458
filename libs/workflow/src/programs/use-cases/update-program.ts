import { programStatusZh } from '../../core/status-names';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { RequestContextStore } from '@subsidy/tenancy';
import { InvalidStateError, ProgramStore } from '../../core';
import { ProgramInput } from '../program-input';
import { ProgramRows } from '../program-row-writes';
import { ProgramView, toProgramView } from '../program-view';
import { CheckTenantFit } from './check-tenant-fit';

export interface UpdateProgramCommand {
  programId: string;
  input: ProgramInput;
}

/** Replaces a draft's configuration. Once scheduled, a program is announced and its terms no longer change here. */
@Injectable()
export class UpdateProgram {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly tenantFit: CheckTenantFit,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ programId, input }: UpdateProgramCommand): Promise<ProgramView> {
    const tenantId = RequestContextStore.requireTenantId();
    return this.transactions.run(async (manager) => {
      const program = await ProgramStore.lock(manager, programId);
      if (program.status !== 'draft') throw new InvalidStateError({ zh: `只有草稿状态的项目可以编辑；本项目当前为“${programStatusZh(program.status)}”`, en: `Only a draft program can be edited; this one is ${program.status}` });
      const policy = await this.tenantFit.policyFor(manager, tenantId, input);
      const updated = await ProgramRows.replace(manager, program, policy.hash, input, this.clock.now());
      await this.audit.record(manager, {
        action: 'program.updated',
        entityType: 'program',
        entityId: program.id,
        data: { version: updated.version, policyId: policy.id, policyHash: policy.hash, budgetTotalFen: input.budget.totalFen.toString() },
      });
      const sources = await ProgramRows.sources(manager, [program.id]);
      return toProgramView(updated, sources.get(program.id) ?? [], policy);
    });
  }
}
