import { Inject, Injectable, Optional } from '@nestjs/common';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { RequestContextStore } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { isCataloguedJob, JobName, JobPayload, QueueName } from './queue-catalogue';
import { OutboxTenantMismatchError, QueueConfigurationError } from './queue-errors';

export interface EnqueueOptions {
  /**
   * Not before this instant; the relay hands the job to BullMQ only when it is due, so delays survive restarts.
   * Default: now by the application's clock, the one the relay judges `run_at` by (not the database's now()).
   */
  runAt?: Date;
  /** Within the tenant, a second enqueue with the same key keeps the first row and returns its id. */
  dedupeKey?: string;
}

export interface EnqueuedJob {
  id: string;
  /** False when dedupeKey matched an existing row. */
  created: boolean;
}

/**
 * The only way to start a job: a row in the outbox table written in the caller's transaction, so a state change and
 * the jobs it implies commit or roll back together. Nothing here talks to Redis; the relay does that after commit.
 */
@Injectable()
export class Outbox {
  // The relay decides a row is due by the CLOCK (outbox-relay.service.ts); a job without runAt is due "now" by that
  // same clock, or a clock behind the database's (a test's manual clock, a skewed host) would never find it due.
  constructor(@Optional() @Inject(CLOCK) private readonly clock?: Clock) {}

  async enqueue<Q extends QueueName, J extends JobName<Q>>(
    manager: EntityManager,
    queue: Q,
    jobName: J,
    payload: JobPayload<Q, J>,
    options: EnqueueOptions = {},
  ): Promise<EnqueuedJob> {
    if (!isCataloguedJob(queue, jobName)) throw new QueueConfigurationError(`${queue}/${jobName} is not in the queue catalogue`);
    const tenantId = RequestContextStore.requireTenantId();
    const payloadTenant = (payload as { tenantId: string }).tenantId;
    if (payloadTenant !== tenantId) throw new OutboxTenantMismatchError(queue, jobName, payloadTenant, tenantId);
    if (!manager.queryRunner?.isTransactionActive) {
      throw new QueueConfigurationError(`Outbox.enqueue(${queue}/${jobName}) must run inside the caller's transaction`);
    }
    const inserted = (await manager.query(
      `insert into outbox (tenant_id, queue, job_name, payload, run_at, dedupe_key)
       values ($1, $2, $3, $4, coalesce($5::timestamptz, now()), $6)
       on conflict (tenant_id, dedupe_key) where dedupe_key is not null do nothing
       returning id`,
      [tenantId, queue, jobName, JSON.stringify(payload), (options.runAt ?? this.clock?.now())?.toISOString() ?? null, options.dedupeKey ?? null],
    )) as Array<{ id: string }>;
    if (inserted.length > 0) return { id: inserted[0].id, created: true };
    const [existing] = (await manager.query(`select id from outbox where tenant_id = $1 and dedupe_key = $2`, [tenantId, options.dedupeKey])) as Array<{ id: string }>;
    return { id: existing.id, created: false };
  }
}
