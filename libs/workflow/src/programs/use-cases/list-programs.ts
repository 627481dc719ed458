import { Injectable } from '@nestjs/common';
import { Paged } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { ProgramPolicy } from '../program-policy';
import { ProgramRows } from '../program-row-writes';
import { ProgramView, toProgramView } from '../program-view';
import { visibleStatuses } from '../program-visibility';

/** Staff see every program of the tenant; applicants only the published ones. */
@Injectable()
export class ListPrograms {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly programPolicy: ProgramPolicy,
  ) {}

  execute(actor: Actor): Promise<ProgramView[]> {
    return this.transactions.run(async (manager) => {
      const programs = await ProgramRows.list(manager, visibleStatuses(actor));
      const sources = await ProgramRows.sources(manager, programs.map((p) => p.id));
      return programs.map((program) => toProgramView(program, sources.get(program.id) ?? [], this.programPolicy.current(program)));
    });
  }

  /** One page of what `actor` may see, filtered and sorted in SQL, with the count of all that match. */
  page(actor: Actor, filter: Parameters<typeof ProgramRows.page>[2]): Promise<Paged<ProgramView>> {
    return this.transactions.run(async (manager) => {
      const { rows, total } = await ProgramRows.page(manager, visibleStatuses(actor), filter);
      const sources = await ProgramRows.sources(manager, rows.map((p) => p.id));
      return { rows: rows.map((program) => toProgramView(program, sources.get(program.id) ?? [], this.programPolicy.current(program))), total };
    });
  }
}
