import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { ProgramInput } from '../program-input';
import { ProgramRows } from '../program-row-writes';
import { ProgramView, toProgramView } from '../program-view';
import { CheckTenantFit } from './check-tenant-fit';

export interface CreateProgramCommand {
  actor: Actor;
  input: ProgramInput;
}

/** A program officer drafts a program; the policy version's hash is stored so the program stays on that exact text. */
@Injectable()
export class CreateProgram {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly tenantFit: CheckTenantFit,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ actor, input }: CreateProgramCommand): Promise<ProgramView> {
    const tenantId = RequestContextStore.requireTenantId();
    return this.transactions.run(async (manager) => {
      const policy = await this.tenantFit.policyFor(manager, tenantId, input);
      const program = await ProgramRows.insert(manager, tenantId, actor.id, policy.hash, input, this.clock.now());
      await this.audit.record(manager, {
        action: 'program.created',
        entityType: 'program',
        entityId: program.id,
        data: { year: input.year, title: input.title, policyId: policy.id, policyHash: policy.hash, budgetTotalFen: input.budget.totalFen.toString() },
      });
      const sources = await ProgramRows.sources(manager, [program.id]);
      return toProgramView(program, sources.get(program.id) ?? [], policy);
    });
  }
}
