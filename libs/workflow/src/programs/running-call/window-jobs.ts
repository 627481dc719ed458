import { Outbox } from '@subsidy/queue';
import { RequestContextStore } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { ProgramRecord } from '../../core';

/**
 * Queues the jobs that follow a changed window, keyed by the program's new version as scheduling does: a repeated
 * change makes new rows, a redelivered one none. Jobs queued for the old instants stay and do nothing when they run:
 * program.open and program.close read the current instants and status (a close before closes_at, or of a program no
 * longer open, is a no-op). The opening is queued again only while the program is still scheduled.
 */
export async function queueWindowJobs(manager: EntityManager, outbox: Outbox, program: ProgramRecord): Promise<void> {
  const payload = { tenantId: RequestContextStore.requireTenantId(), programId: program.id };
  if (program.status === 'scheduled') {
    await outbox.enqueue(manager, 'workflow', 'program.open', payload, {
      runAt: program.opensAt,
      dedupeKey: `program.open:${program.id}:v${program.version}`,
    });
  }
  await outbox.enqueue(manager, 'workflow', 'program.close', payload, {
    runAt: program.closesAt,
    dedupeKey: `program.close:${program.id}:v${program.version}`,
  });
}
