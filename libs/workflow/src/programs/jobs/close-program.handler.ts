import { Inject } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { Notifier } from '@subsidy/notifications';
import { JobContext, JobHandler, ProgramJobPayload, QueueJobHandler } from '@subsidy/queue';
import { EntityManager } from 'typeorm';
import { ProgramStore } from '../../core';
import { ProgramNotOpenedYetError } from '../program-errors';
import { cstMinute } from '../cst-text';
import { ProgramRows } from '../program-row-writes';

/**
 * Closes an open program once its closing instant has passed. Idempotent: a program past open (closed, cancelled...)
 * is left alone, and a job that arrives before closes_at does nothing (a newer job carries the current instant).
 */
@JobHandler('workflow', 'program.close')
export class CloseProgramHandler implements QueueJobHandler<'workflow', 'program.close'> {
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
    if (now.getTime() < locked.closesAt.getTime()) return;
    if (locked.status === 'scheduled') {
      // Both jobs came due together (the worker was down through the whole window) and this one won the race: fail so
      // the queue retries after its backoff, by which time the opening has run and the program can close in order.
      throw new ProgramNotOpenedYetError(locked.id);
    }
    if (locked.status !== 'open') return;
    const closed = await ProgramRows.setStatus(manager, locked, 'closed', now, 'closed_at');
    if (!closed) return;
    await this.audit.record(manager, {
      action: 'program.closed',
      entityType: 'program',
      entityId: locked.id,
      data: { from: 'open', to: 'closed', closesAt: locked.closesAt.toISOString(), outboxId: context.outboxId },
    });
    await this.notifier.notify(manager, [{ role: 'program_officer' }], {
      kind: 'program.closed',
      subject: `${locked.title} 申报已截止`,
      body: `项目「${locked.title}」已于 ${cstMinute(locked.closesAt)} 截止申报，可以开始后续审核与决定。`,
      entity: { type: 'program', id: locked.id },
    });
  }
}
