import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { ProgramNotFoundError, ProgramStore } from '../../core';
import { ProgramRows } from '../program-row-writes';
import { ProgramView, toProgramView } from '../program-view';
import { visibleStatuses } from '../program-visibility';

/** One program; an applicant asking for an unpublished one gets 404, as if it did not exist. */
@Injectable()
export class GetProgram {
  constructor(private readonly transactions: TenantTransactions) {}

  execute(actor: Actor, programId: string): Promise<ProgramView> {
    return this.transactions.run(async (manager) => {
      const program = await ProgramStore.get(manager, programId);
      const visible = visibleStatuses(actor);
      if (visible && !visible.includes(program.status)) throw new ProgramNotFoundError();
      const sources = await ProgramRows.sources(manager, [program.id]);
      return toProgramView(program, sources.get(program.id) ?? []);
    });
  }
}
