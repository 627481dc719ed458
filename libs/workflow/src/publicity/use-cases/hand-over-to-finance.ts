import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { ApplicationRecord, ApplicationStore, ApplicationTransitions, InvalidStateError, ProgramStore } from '../../core';

export interface HandOver {
  programId: string;
  handedOverAt: string;
  applicationIds: string[];
  totalFen: number;
}

/** After publicity, the approved awards go to the finance side as one list; the program is then handed over. */
@Injectable()
export class HandOverToFinance {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly transitions: ApplicationTransitions,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(programId: string): Promise<HandOver> {
    return this.transactions.run(async (manager) => {
      const program = await ProgramStore.lock(manager, programId);
      if (program.status !== 'publicized') throw new InvalidStateError(`Only a publicized program can be handed over; this one is ${program.status}`);
      const approved = await queryRows<ApplicationRecord>(
        manager,
        `select ${ApplicationStore.COLUMNS} from applications where program_id = $1 and status = 'approved' order by id for update`,
        [program.id],
      );
      let total = 0n;
      for (const application of approved) {
        await this.transitions.move(manager, application, { to: 'handed_over', action: 'application.handed-over' });
        total += BigInt(application.decidedTotalFen ?? '0');
      }
      const now = this.clock.now();
      await manager.query(`update programs set status = 'handed_over', handed_over_at = $2, updated_at = $2, version = version + 1 where id = $1`, [program.id, now]);
      await this.audit.record(manager, {
        action: 'program.handed-over',
        entityType: 'program',
        entityId: program.id,
        data: { from: 'publicized', to: 'handed_over', applications: approved.map((a) => a.id), totalFen: total.toString() },
      });
      await this.notifier.notify(manager, [{ role: 'finance_officer' }], {
        kind: 'program.handed-over',
        subject: `${program.title}：资助名单已移交财务`,
        body: `共 ${approved.length} 个项目获批，请办理拨付。`,
        entity: { type: 'program', id: program.id },
      });
      return { programId: program.id, handedOverAt: now.toISOString(), applicationIds: approved.map((a) => a.id), totalFen: Number(total) };
    });
  }
}
