import { Injectable, Logger } from '@nestjs/common';
import { TenantTransactions } from '@subsidy/database';
import { RequestContextStore, SYSTEM_ACTOR } from '@subsidy/tenancy';
import { UnrecoverableError } from 'bullmq';
import { EntityManager } from 'typeorm';
import { JobHandlerRegistry } from './job-handler-registry';
import { QueueName } from './queue-catalogue';

/** The parts of a BullMQ job the runner reads (so a redelivery can be replayed in tests without Redis). */
export interface DeliveredJob {
  id?: string;
  name: string;
  data: unknown;
  attemptsMade: number;
  opts: { attempts?: number };
}

export type JobOutcome = 'completed' | 'already-completed';

interface OutboxRowState {
  payload: Record<string, unknown>;
  completed_at: Date | null;
}

/**
 * Runs one delivered job exactly once in effect: as the system actor of the payload's tenant, in ONE tenant
 * transaction that locks the outbox row, skips it when already completed (a redelivery), runs the handler and marks
 * the row completed. The handler's writes and the completion commit together, so a crash anywhere leaves either
 * nothing or everything. A handler with an effect outside the database (ExternalEffect) gets two transactions instead:
 * its intent commits before the effect, its outcome and the completion after it. Errors propagate so BullMQ retries with the catalogue's backoff; on the last try the row is
 * dead-lettered (failed_at, last_error) and the error still propagates.
 */
@Injectable()
export class OutboxJobRunner {
  private readonly logger = new Logger(OutboxJobRunner.name);

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly transactions: TenantTransactions,
  ) {}

  async run(queue: QueueName, job: DeliveredJob): Promise<JobOutcome> {
    const outboxId = job.id;
    const tenantId = (job.data as { tenantId?: unknown } | null)?.tenantId;
    if (!outboxId || typeof tenantId !== 'string' || tenantId === '') {
      throw new UnrecoverableError(`Job ${queue}/${job.name} (${outboxId ?? 'no id'}) has no outbox id or tenantId; it did not come from the outbox`);
    }
    const handler = this.registry.get(queue, job.name);
    return RequestContextStore.run({ tenantId, actor: SYSTEM_ACTOR }, async () => {
      try {
        const context = { outboxId, queue, jobName: job.name, attempt: job.attemptsMade + 1 };
        const first = await this.transactions.run(async (manager) => {
          const row = await this.lockRow(manager, tenantId, outboxId);
          if (row.completed_at) return 'already-completed' as const;
          // The row is the truth; the copy in Redis is only for the dashboard.
          const effect = await handler.handle(manager, row.payload, context);
          // An external effect: commit its intent now, leaving the row open until its outcome is recorded.
          if (effect) return effect;
          await this.complete(manager, tenantId, outboxId);
          return 'completed' as const;
        });
        if (typeof first === 'string') return first;
        // No transaction (and no pooled connection) is held while the effect goes out: a slow mail server cannot pin
        // connections, and a crash here leaves exactly the committed intent for the next try to find.
        await first.perform();
        const retry = await this.transactions.run(async (manager) => {
          await this.lockRow(manager, tenantId, outboxId);
          const outcome = await first.record(manager);
          if (outcome instanceof Error) return outcome;
          await this.complete(manager, tenantId, outboxId);
          return undefined;
        });
        if (retry) throw retry;
        return 'completed';
      } catch (error) {
        const lastTry = error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        if (lastTry) {
          await this.deadLetter(tenantId, outboxId, queue, job.name, error).catch((failure: unknown) =>
            this.logger.error(`Could not dead-letter ${outboxId}: ${failure instanceof Error ? failure.message : String(failure)}`),
          );
        }
        throw error;
      }
    });
  }

  private async lockRow(manager: EntityManager, tenantId: string, outboxId: string): Promise<OutboxRowState> {
    const [row] = (await manager.query(
      `select payload, completed_at from outbox where tenant_id = $1 and id = $2 for update`,
      [tenantId, outboxId],
    )) as OutboxRowState[];
    if (!row) throw new UnrecoverableError(`Outbox row ${outboxId} of tenant ${tenantId} does not exist`);
    return row;
  }

  private async complete(manager: EntityManager, tenantId: string, outboxId: string): Promise<void> {
    // A dead-lettered job retried from the dashboard clears failed_at; last_error stays as its history.
    await manager.query(`update outbox set completed_at = now(), failed_at = null where tenant_id = $1 and id = $2`, [tenantId, outboxId]);
  }

  private async deadLetter(tenantId: string, outboxId: string, queue: string, jobName: string, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    this.logger.error(`${queue}/${jobName} ${outboxId} (tenant ${tenantId}) failed for good: ${message}`);
    await this.transactions.run((manager) =>
      manager.query(
        `update outbox set failed_at = now(), last_error = $3 where tenant_id = $1 and id = $2 and completed_at is null`,
        [tenantId, outboxId, message.slice(0, 2000)],
      ),
    );
  }
}
