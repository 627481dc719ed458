import { programStatusZh } from '../../core/status-names';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK, ValidationFailedError } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { Outbox } from '@subsidy/queue';
import { ConcurrentChangeError, InvalidStateError, ProgramStore } from '../../core';
import { cstMinute } from '../cst-text';
import { ProgramPolicy } from '../program-policy';
import { ProgramRows } from '../program-row-writes';
import { ProgramView, toProgramView } from '../program-view';
import { callAudience } from './call-audience';
import { RunningCallRows } from './running-call-rows';
import { queueWindowJobs } from './window-jobs';
import { assertWindowAllowed } from './window-limits';

export interface ChangeProgramWindowCommand {
  programId: string;
  /** Only while the program is scheduled: an open call has already opened. */
  opensAt?: Date;
  closesAt: Date;
  reason: string;
}

/**
 * Extends (延期) or shortens the window of an announced call (scheduled or open). The new window passes the same
 * limits as a new program's (the text's validity and application-window months) and never closes before now. The
 * closing job follows: a new one is queued for the new instant, and the one queued for the old instant does nothing.
 * Everyone with a live application in the call, and the program officers, are told why.
 */
@Injectable()
export class ChangeProgramWindow {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    private readonly outbox: Outbox,
    private readonly programPolicy: ProgramPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ programId, opensAt, closesAt, reason }: ChangeProgramWindowCommand): Promise<ProgramView> {
    return this.transactions.run(async (manager) => {
      const program = await ProgramStore.lock(manager, programId);
      if (program.status !== 'scheduled' && program.status !== 'open') {
        throw new InvalidStateError(
          program.status === 'closed'
            ? { zh: '项目已截止受理；如需继续受理申报，请先重新开放', en: 'The program is closed; reopen it (POST /programs/:id/reopen) to take applications again' }
            : {
                zh: `只有待发布或受理中的项目可以调整申报时间；本项目当前为“${programStatusZh(program.status)}”`,
                en: `Only a scheduled or open program's window can be changed; this one is ${program.status} (a draft is edited with PUT)`,
              },
        );
      }
      if (opensAt && program.status === 'open' && opensAt.getTime() !== program.opensAt.getTime()) {
        throw new ValidationFailedError({ zh: '已开始受理的项目不能更改开始受理时间', en: 'The call is open already; its opening cannot move' }, [
          { path: 'opensAt', message: `the call opened at ${cstMinute(program.opensAt)}; only closesAt can change`, messageZh: `项目已于 ${cstMinute(program.opensAt)} 开始受理，只能调整截止时间` },
        ]);
      }
      const policy = this.programPolicy.resolve(program);
      const window = { opensAt: opensAt ?? program.opensAt, closesAt };
      assertWindowAllowed(policy, program, window, this.clock);
      const moved = await RunningCallRows.moveWindow(manager, program, window, this.clock.now());
      if (!moved) throw new ConcurrentChangeError('program', '该项目');
      await queueWindowJobs(manager, this.outbox, moved);
      const change = closesAt.getTime() > program.closesAt.getTime() ? 'extended' : closesAt.getTime() < program.closesAt.getTime() ? 'shortened' : 'unchanged';
      await this.audit.record(manager, {
        action: 'program.window-changed',
        entityType: 'program',
        entityId: program.id,
        reason,
        data: {
          change,
          status: program.status,
          from: { opensAt: program.opensAt.toISOString(), closesAt: program.closesAt.toISOString() },
          to: { opensAt: moved.opensAt.toISOString(), closesAt: moved.closesAt.toISOString() },
          version: moved.version,
        },
      });
      const verb = change === 'extended' ? '延期' : change === 'shortened' ? '提前' : '调整';
      await this.notifier.notify(manager, await callAudience(manager, program.id), {
        kind: 'program.window-changed',
        subject: `${program.title} 申报截止时间${verb}至 ${cstMinute(moved.closesAt)}`,
        body: `项目「${program.title}」的申报期限调整为 ${cstMinute(moved.opensAt)} 至 ${cstMinute(moved.closesAt)}（原为 ${cstMinute(program.opensAt)} 至 ${cstMinute(program.closesAt)}）。原因：${reason}`,
        entity: { type: 'program', id: program.id },
      });
      const sources = await ProgramRows.sources(manager, [program.id]);
      return toProgramView(moved, sources.get(program.id) ?? [], policy);
    });
  }
}
