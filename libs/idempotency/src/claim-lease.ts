import { Logger } from '@nestjs/common';
import { IdempotencyIdentity, IdempotencyStore } from './idempotency-store';

const logger = new Logger('Idempotency');

/**
 * Keeps the lease of a claimed key alive while its request runs, renewing it every third of its length, so a duplicate
 * of a request that is really still running gets 409 however long it takes. When the process dies the renewals stop
 * with it, and the next request with the key takes the claim over once the lease has run out.
 */
export class ClaimLease {
  private readonly timer: NodeJS.Timeout;
  private renewing = false;
  private stopped = false;

  constructor(
    private readonly store: IdempotencyStore,
    private readonly identity: IdempotencyIdentity,
    private readonly claimedAt: Date,
    private readonly tenantId: string,
  ) {
    this.timer = setInterval(() => void this.renew(), Math.max(1, Math.floor(store.leaseMs / 3)));
    // A pending renewal never keeps a stopping process alive: its claim is then meant to lapse.
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  private async renew(): Promise<void> {
    // One renewal at a time: with the database slow, piling up more would only make it slower.
    if (this.renewing || this.stopped) return;
    this.renewing = true;
    try {
      const held = await this.store.renew(this.identity, this.claimedAt, this.tenantId);
      if (!held && !this.stopped) {
        // Our lease ran out and another request took the key over; the handler's own guard refuses a second effect.
        logger.warn(`Idempotency-Key claim of actor ${this.identity.actorId} was taken over while its request still ran`);
        this.stop();
      }
    } catch (error) {
      // The next tick tries again; if renewals keep failing the lease runs out, as it would if the process had died.
      logger.warn(`Idempotency-Key lease renewal failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.renewing = false;
    }
  }
}
