import { programStatusZh } from '../../core/status-names';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { EntityManager } from 'typeorm';
import { ConcurrentChangeError, InvalidStateError, ProgramStatus, ProgramStore } from '../../core';
import { ProgramPolicy } from '../program-policy';
import { ProgramRows } from '../program-row-writes';
import { ProgramView, toProgramView } from '../program-view';

export interface CancelProgramCommand {
  programId: string;
  reason: string;
}

const CANCELLABLE: readonly ProgramStatus[] = ['draft', 'scheduled', 'open'];

/**
 * Withdraws a program before anyone relies on it. Once an application has been submitted to an open program, the
 * applicants have a claim under its call, so it cannot simply be cancelled. Pending open/close jobs find the program
 * cancelled and do nothing.
 */
@Injectable()
export class CancelProgram {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    private readonly programPolicy: ProgramPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ programId, reason }: CancelProgramCommand): Promise<ProgramView> {
    return this.transactions.run(async (manager) => {
      const program = await ProgramStore.lock(manager, programId);
      if (!CANCELLABLE.includes(program.status)) throw new InvalidStateError({ zh: `项目当前为“${programStatusZh(program.status)}”，不能取消`, en: `A program that is ${program.status} cannot be cancelled` });
      const submitted = await this.submittedApplications(manager, program.id);
      if (submitted > 0) {
        throw new InvalidStateError({ zh: `该项目已有 ${submitted} 件已提交的申报，不能取消`, en: `The program has ${submitted} submitted application(s) and cannot be cancelled` });
      }
      const cancelled = await ProgramRows.setStatus(manager, program, 'cancelled', this.clock.now());
      if (!cancelled) throw new ConcurrentChangeError('program', '该项目');
      await this.audit.record(manager, {
        action: 'program.cancelled',
        entityType: 'program',
        entityId: program.id,
        reason,
        data: { from: program.status, to: 'cancelled' },
      });
      if (program.status !== 'draft') {
        // Applicants were told about a scheduled or open program; they hear of its cancellation too.
        await this.notifier.notify(manager, [{ role: 'applicant' }, { role: 'program_officer' }], {
          kind: 'program.cancelled',
          subject: `${program.title} 已取消`,
          body: `项目「${program.title}」已取消。原因：${reason}`,
          entity: { type: 'program', id: program.id },
        });
      }
      const sources = await ProgramRows.sources(manager, [program.id]);
      return toProgramView(cancelled, sources.get(program.id) ?? [], this.programPolicy.current(cancelled));
    });
  }

  /** Applications past draft; a withdrawn one no longer claims anything. */
  private async submittedApplications(manager: EntityManager, programId: string): Promise<number> {
    const [row] = (await manager.query(
      `select count(*)::int as n from applications where program_id = $1 and status not in ('draft', 'withdrawn')`,
      [programId],
    )) as Array<{ n: number }>;
    return row.n;
  }
}
