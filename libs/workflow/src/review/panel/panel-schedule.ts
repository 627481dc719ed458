import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { Outbox } from '@subsidy/queue';
import { EntityManager } from 'typeorm';

/**
 * The reminder and deadline jobs of one panel round. Each carries the round, so the jobs of a round that a later
 * top-up replaced find a different round and do nothing.
 */
@Injectable()
export class PanelSchedule {
  constructor(
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async scheduleRound(manager: EntityManager, tenantId: string, applicationId: string, round: number, dueAt: Date, reminderHoursBefore: number): Promise<void> {
    const payload = { tenantId, applicationId, round };
    const remindAt = new Date(dueAt.getTime() - reminderHoursBefore * 3_600_000);
    // A reminder whose moment has already passed (a short round, a late top-up) would only arrive as noise.
    if (reminderHoursBefore > 0 && remindAt.getTime() > this.clock.now().getTime()) {
      await this.outbox.enqueue(manager, 'workflow', 'panel.reminder', payload, { runAt: remindAt, dedupeKey: `panel-reminder:${applicationId}:${round}` });
    }
    await this.outbox.enqueue(manager, 'workflow', 'panel.deadline', payload, { runAt: dueAt, dedupeKey: `panel-deadline:${applicationId}:${round}` });
  }
}
