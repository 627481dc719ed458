import { programStatusZh } from '../../core/status-names';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
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

export interface ReopenProgramCommand {
  programId: string;
  closesAt: Date;
  reason: string;
}

/**
 * Reopens a closed call for corrections, before anything is decided: the window opens again until the new closesAt
 * (within the text's limits, after now), so drafts can be completed and submitted and new drafts made, exactly as
 * while the call first ran. Applications already submitted are not reopened: corrections to them go through
 * correction requests, which an applicant may answer after the window closed until their own deadline. A new close
 * job is queued for the new instant. Once decided, the allocation stands and the call cannot reopen.
 */
@Injectable()
export class ReopenProgram {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    private readonly outbox: Outbox,
    private readonly programPolicy: ProgramPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ programId, closesAt, reason }: ReopenProgramCommand): Promise<ProgramView> {
    return this.transactions.run(async (manager) => {
      const program = await ProgramStore.lock(manager, programId);
      if (program.status !== 'closed') throw new InvalidStateError({ zh: `只有已截止受理的项目可以重新开放；本项目当前为“${programStatusZh(program.status)}”`, en: `Only a closed program can be reopened; this one is ${program.status}` });
      const policy = this.programPolicy.resolve(program);
      const window = { opensAt: program.opensAt, closesAt };
      assertWindowAllowed(policy, program, window, this.clock);
      const reopened = await RunningCallRows.moveWindow(manager, program, window, this.clock.now(), { to: 'open', stamp: 'closed_at', value: null });
      if (!reopened) throw new ConcurrentChangeError('program', '该项目');
      await queueWindowJobs(manager, this.outbox, reopened);
      await this.audit.record(manager, {
        action: 'program.reopened',
        entityType: 'program',
        entityId: program.id,
        reason,
        data: { from: 'closed', to: 'open', previousClosesAt: program.closesAt.toISOString(), closesAt: closesAt.toISOString(), version: reopened.version },
      });
      await this.notifier.notify(manager, await callAudience(manager, program.id), {
        kind: 'program.reopened',
        subject: `${program.title} 重新开放申报至 ${cstMinute(closesAt)}`,
        body: `项目「${program.title}」重新开放申报，截止时间 ${cstMinute(closesAt)}；未提交的申报可在截止前补充完善并提交。原因：${reason}`,
        entity: { type: 'program', id: program.id },
      });
      const sources = await ProgramRows.sources(manager, [program.id]);
      return toProgramView(reopened, sources.get(program.id) ?? [], policy);
    });
  }
}
