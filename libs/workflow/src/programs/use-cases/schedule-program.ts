import { programStatusZh } from '../../core/status-names';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Outbox } from '@subsidy/queue';
import { RequestContextStore } from '@subsidy/tenancy';
import { ConcurrentChangeError, InvalidStateError, ProgramStore } from '../../core';
import { cstMinute } from '../cst-text';
import { assertDistrictReviewersCover } from '../district-reviewer-coverage';
import { ProgramPolicy } from '../program-policy';
import { ProgramRows } from '../program-row-writes';
import { ProgramView, toProgramView } from '../program-view';

export interface ScheduleProgramCommand {
  programId: string;
}

/**
 * Announces a draft: it becomes scheduled and the opening and closing are queued for their instants. An opening
 * instant already past still goes through the job (it is due at once), so a program opens one way only. A program
 * with district review is refused while a district with applicants has no district reviewer (district-reviewer-coverage.ts).
 */
@Injectable()
export class ScheduleProgram {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly programPolicy: ProgramPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ programId }: ScheduleProgramCommand): Promise<ProgramView> {
    const tenantId = RequestContextStore.requireTenantId();
    return this.transactions.run(async (manager) => {
      const program = await ProgramStore.lock(manager, programId);
      if (program.status !== 'draft') throw new InvalidStateError({ zh: `只有草稿状态的项目可以发布；本项目当前为“${programStatusZh(program.status)}”`, en: `Only a draft program can be scheduled; this one is ${program.status}` });
      const now = this.clock.now();
      if (program.closesAt.getTime() <= now.getTime()) {
        throw new InvalidStateError({ zh: `项目的申报截止时间 ${cstMinute(program.closesAt)} 已过，请先调整后再发布`, en: `The program's window closed at ${cstMinute(program.closesAt)}; move it before scheduling` }, [
          { path: 'window.closesAt', message: 'is in the past', messageZh: '已过' },
        ]);
      }
      const policy = this.programPolicy.resolve(program);
      // An application must never wait in district review with nobody to take it (422 naming the districts).
      await assertDistrictReviewersCover(manager, program);
      const scheduled = await ProgramRows.setStatus(manager, program, 'scheduled', now);
      if (!scheduled) throw new ConcurrentChangeError('program', '该项目');
      const payload = { tenantId, programId: program.id };
      // The version is part of the key: if the window is ever rescheduled, the new jobs are new rows, and the old ones
      // find the instant not yet come (or the status moved on) and do nothing.
      await this.outbox.enqueue(manager, 'workflow', 'program.open', payload, {
        runAt: program.opensAt,
        dedupeKey: `program.open:${program.id}:v${scheduled.version}`,
      });
      await this.outbox.enqueue(manager, 'workflow', 'program.close', payload, {
        runAt: program.closesAt,
        dedupeKey: `program.close:${program.id}:v${scheduled.version}`,
      });
      await this.audit.record(manager, {
        action: 'program.scheduled',
        entityType: 'program',
        entityId: program.id,
        data: { from: 'draft', to: 'scheduled', opensAt: program.opensAt.toISOString(), closesAt: program.closesAt.toISOString() },
      });
      const sources = await ProgramRows.sources(manager, [program.id]);
      return toProgramView(scheduled, sources.get(program.id) ?? [], policy);
    });
  }
}
