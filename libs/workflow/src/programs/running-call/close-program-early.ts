import { programStatusZh } from '../../core/status-names';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { ConcurrentChangeError, InvalidStateError, ProgramStore } from '../../core';
import { cstMinute } from '../cst-text';
import { ProgramPolicy } from '../program-policy';
import { ProgramRows } from '../program-row-writes';
import { ProgramView, toProgramView } from '../program-view';
import { callAudience } from './call-audience';
import { RunningCallRows } from './running-call-rows';

export interface CloseProgramEarlyCommand {
  programId: string;
  reason: string;
}

/**
 * Closes an open call now, before its closing instant. closes_at becomes now, so the call reads as closed at the time
 * it really closed (window_closed says so to a late submission), and the queued close job finds the program no longer
 * open and does nothing. Applications already submitted go on through review; drafts can no longer be submitted.
 */
@Injectable()
export class CloseProgramEarly {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    private readonly programPolicy: ProgramPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ programId, reason }: CloseProgramEarlyCommand): Promise<ProgramView> {
    return this.transactions.run(async (manager) => {
      const program = await ProgramStore.lock(manager, programId);
      if (program.status !== 'open') throw new InvalidStateError({ zh: `只有受理中的项目可以提前截止；本项目当前为“${programStatusZh(program.status)}”`, en: `Only an open program can be closed early; this one is ${program.status}` });
      const policy = this.programPolicy.resolve(program);
      const now = this.clock.now();
      // The table requires closes_at > opens_at; a close in the very millisecond the call opened keeps that true.
      const closesAt = new Date(Math.max(now.getTime(), program.opensAt.getTime() + 1));
      const closed = await RunningCallRows.moveWindow(manager, program, { opensAt: program.opensAt, closesAt }, now, { to: 'closed', stamp: 'closed_at', value: now });
      if (!closed) throw new ConcurrentChangeError('program', '该项目');
      await this.audit.record(manager, {
        action: 'program.closed-early',
        entityType: 'program',
        entityId: program.id,
        reason,
        data: { from: 'open', to: 'closed', scheduledClosesAt: program.closesAt.toISOString(), closesAt: closesAt.toISOString(), version: closed.version },
      });
      await this.notifier.notify(manager, await callAudience(manager, program.id), {
        kind: 'program.closed-early',
        subject: `${program.title} 已提前截止申报`,
        body: `项目「${program.title}」已于 ${cstMinute(closesAt)} 提前截止申报（原定 ${cstMinute(program.closesAt)}），未提交的申报不再受理。原因：${reason}`,
        entity: { type: 'program', id: program.id },
      });
      const sources = await ProgramRows.sources(manager, [program.id]);
      return toProgramView(closed, sources.get(program.id) ?? [], policy);
    });
  }
}
