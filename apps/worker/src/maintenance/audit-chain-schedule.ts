import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { NightlyCheck, nextNightlyCheck, nightlyCheckDedupeKey } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { APP_CONFIG, AppConfig } from '@subsidy/config';
import { TenantTransactions } from '@subsidy/database';
import { Outbox } from '@subsidy/queue';
import { RequestContextStore, SYSTEM_ACTOR } from '@subsidy/tenancy';
import { DataSource } from 'typeorm';

/** How often the schedule makes sure every tenant's next check is queued; a new tenant waits at most this long. */
export const AUDIT_CHECK_TICK_MS = 5 * 60_000;

export interface AuditChainTick extends NightlyCheck {
  tenants: number;
  /** Outbox rows this tick added; 0 when every tenant's check for that night was already queued. */
  created: number;
}

/**
 * Keeps one `maintenance/audit.verify-chain` job per tenant queued for the next nightly check (AUDIT_CHECK_TIME,
 * default 02:30 China Standard Time). The timing lives in the outbox row's `run_at` and each row carries the dedupe key
 * `audit.verify-chain:<tenant>:<date>`, so ticks are idempotent: a restart, a second tick or a second worker adds
 * nothing, and a night missed while the worker was down runs as soon as it is back.
 */
@Injectable()
export class AuditChainSchedule implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AuditChainSchedule');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
    private readonly transactions: TenantTransactions,
    private readonly outbox: Outbox,
  ) {}

  onApplicationBootstrap(): void {
    this.startTick();
    this.timer = setInterval(() => this.startTick(), AUDIT_CHECK_TICK_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Queues every tenant's next nightly check unless it is queued already. */
  async tick(): Promise<AuditChainTick> {
    const next = nextNightlyCheck(this.clock.now(), this.config.auditCheck.time);
    // tenants is not tenant-owned: the application role reads it with no tenant set, as the CLI checks do.
    const tenants = (await this.dataSource.query(`select id from tenants order by id`)) as Array<{ id: string }>;
    let created = 0;
    for (const { id } of tenants) {
      const job = await RequestContextStore.run({ tenantId: id, actor: SYSTEM_ACTOR }, () =>
        this.transactions.run((manager) =>
          this.outbox.enqueue(manager, 'maintenance', 'audit.verify-chain', { tenantId: id }, { runAt: next.runAt, dedupeKey: nightlyCheckDedupeKey(id, next.date) }),
        ),
      );
      if (job.created) created += 1;
    }
    if (created > 0) this.logger.log(`Queued the ${next.date} audit-chain check of ${created} tenant(s) for ${next.runAt.toISOString()}`);
    return { ...next, tenants: tenants.length, created };
  }

  private startTick(): void {
    if (this.running) return; // a slow tick is never overlapped by the next
    this.running = this.tick()
      .catch((error: unknown) => this.logger.error(`Could not queue the nightly audit-chain checks: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.running = undefined;
      });
  }
}
