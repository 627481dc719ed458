import { Inject } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock, cstEndOfDay, parseCalendarDate } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { queryRows } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { JobHandler, Outbox, PublicityJobPayload, QueueJobHandler } from '@subsidy/queue';
import { EntityManager } from 'typeorm';
import { ApplicationRecord, ApplicationStore, ApplicationTransitions } from '../../core';
import { approvalNotice } from '../award-notices';
import { ProgramPublicized } from '../program-publicized';
import { PublicityStore } from '../publicity-record';

/**
 * Closes a publicity at the end of its last day: the applications shown without objection are approved; those under
 * objection review wait for the resolution (which approves them). Idempotent: a closed publicity is left alone.
 */
@JobHandler('workflow', 'publicity.close')
export class ClosePublicityHandler implements QueueJobHandler<'workflow', 'publicity.close'> {
  constructor(
    private readonly transitions: ApplicationTransitions,
    private readonly audit: AuditLog,
    private readonly publicized: ProgramPublicized,
    private readonly outbox: Outbox,
    private readonly notifier: Notifier,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(manager: EntityManager, payload: PublicityJobPayload): Promise<void> {
    const publicity = await PublicityStore.lock(manager, payload.publicityId);
    if (!publicity || publicity.status !== 'open') return;
    const now = this.clock.now();
    const end = cstEndOfDay(parseCalendarDate(publicity.endsOn, 'endsOn'));
    if (now.getTime() < end.getTime()) {
      // Delivered before the period ended (a clock set back, a hand-run job): come back when it really ends.
      await this.outbox.enqueue(manager, 'workflow', 'publicity.close', payload, { runAt: end });
      return;
    }
    await manager.query(`update publicities set status = 'closed', closed_at = $2 where id = $1`, [publicity.id, now]);
    await this.audit.record(manager, {
      action: 'publicity.closed',
      entityType: 'publicity',
      entityId: publicity.id,
      data: { programId: publicity.programId, startsOn: publicity.startsOn, endsOn: publicity.endsOn },
    });
    const shown = await queryRows<ApplicationRecord>(
      manager,
      `select ${ApplicationStore.COLUMNS} from applications where program_id = $1 and status = 'in_publicity' order by id for update`,
      [publicity.programId],
    );
    const [program] = await queryRows<{ title: string }>(manager, `select title from programs where id = $1`, [publicity.programId]);
    for (const application of shown) {
      await this.transitions.move(manager, application, { to: 'approved', action: 'application.approved', reason: 'publicity ended without objection', data: { publicityId: publicity.id } });
      await this.notifier.notify(manager, [{ organizationId: application.organizationId }], approvalNotice(application.id, program.title, application.decidedTotalFen));
    }
    await this.publicized.settleIfDone(manager, publicity.programId, now);
  }
}
