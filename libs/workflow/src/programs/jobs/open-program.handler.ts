import { Inject } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { Notifier } from '@subsidy/notifications';
import { JobContext, JobHandler, ProgramJobPayload, QueueJobHandler } from '@subsidy/queue';
import { EntityManager } from 'typeorm';
import { ProgramStore } from '../../core';
import { cstMinute } from '../cst-text';
import { ProgramRows } from '../program-row-writes';

/**
 * Opens a scheduled program once its opening instant has come. Idempotent: a program that is no longer scheduled
 * (opened already, cancelled) is left alone, and a job that arrives before opens_at (the instant was moved and a newer
 * job carries the new one) does nothing.
 */
@JobHandler('workflow', 'program.open')
export class OpenProgramHandler implements QueueJobHandler<'workflow', 'program.open'> {
  constructor(
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(manager: EntityManager, payload: ProgramJobPayload, context: JobContext): Promise<void> {
    const program = await ProgramStore.find(manager, payload.programId);
    if (!program) return;
    const locked = await ProgramStore.lock(manager, program.id);
    const now = this.clock.now();
    if (locked.status !== 'scheduled' || now.getTime() < locked.opensAt.getTime()) return;
    const opened = await ProgramRows.setStatus(manager, locked, 'open', now, 'opened_at');
    if (!opened) return;
    await this.audit.record(manager, {
      action: 'program.opened',
      entityType: 'program',
      entityId: locked.id,
      data: { from: 'scheduled', to: 'open', opensAt: locked.opensAt.toISOString(), closesAt: locked.closesAt.toISOString(), outboxId: context.outboxId },
    });
    const closes = cstMinute(locked.closesAt);
    await this.notifier.notify(manager, [{ role: 'program_officer' }], {
      kind: 'program.opened',
      subject: `${locked.title} 已开始受理申报`,
      body: `项目「${locked.title}」已于 ${cstMinute(now)} 开始受理申报，截止时间 ${closes}。`,
      entity: { type: 'program', id: locked.id },
    });
    await this.notifier.notify(manager, [{ role: 'applicant' }], {
      kind: 'program.opened',
      subject: `${locked.call.title}`,
      body: `项目「${locked.title}」现已开始受理申报，截止时间 ${closes}，请在截止前提交申报材料。`,
      entity: { type: 'program', id: locked.id },
    });
  }
}
