import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { APP_CONFIG, AppConfig } from '@subsidy/config';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { RequestContextStore } from '@subsidy/tenancy';
import { IdempotencyInProgressError, IdempotencyKeyReusedError } from './idempotency-errors';

/** One key of one actor in the acting tenant (row-level security supplies the tenant). */
export interface IdempotencyIdentity {
  actorId: string;
  key: string;
}

export interface StoredResponse {
  status: number;
  body: unknown;
}

/**
 * The outcome of claiming a key: this request runs (`claimedAt` identifies its claim, so a request whose abandoned claim
 * was taken over cannot answer for the newer one), or it replays what the first one answered.
 */
export type IdempotencyClaim = { kind: 'started'; claimedAt: Date } | { kind: 'replay'; response: StoredResponse };

/**
 * A claim without a lease (written before leases existed) still unanswered after this long belongs to a request that
 * died between claiming and answering; the next request with the key takes it over. Every claim made now holds a lease
 * (`IDEMPOTENCY_LEASE_SECONDS`) that its running request renews, so a dead one is taken over after the lease instead.
 */
export const ABANDONED_CLAIM_MS = 5 * 60_000;

/**
 * A refusal (a stored 4xx) is replayed to retries for this long, then forgotten: the request changed nothing, so once
 * the client has had time to read the answer, the same key may run again (the state that refused it may have changed)
 * and the record does not stay forever. A corrected request (a different body) may take the key over at once.
 */
export const REFUSED_ANSWER_TTL_MS = 15 * 60_000;

interface KeyRow {
  createdAt: Date;
  leaseExpiresAt: Date | null;
  completedAt: Date | null;
  scope: string;
  requestHash: string;
  status: 'in_progress' | 'completed';
  responseStatus: number | null;
  responseBody: unknown;
}

function isRefusal(row: KeyRow): boolean {
  return row.status === 'completed' && row.responseStatus !== null && row.responseStatus >= 400;
}

/**
 * The idempotency_keys table. Each call is its own short committed transaction, never the caller's: the claim must be
 * visible to a concurrent duplicate before the work starts, and must survive the work's rollback.
 */
@Injectable()
export class IdempotencyStore {
  /** How long a claim stays held without being renewed; its request renews it every third of this. */
  readonly leaseMs: number;

  constructor(
    private readonly transactions: TenantTransactions,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.leaseMs = config.idempotency.leaseSeconds * 1000;
  }

  private leaseFrom(now: Date): Date {
    return new Date(now.getTime() + this.leaseMs);
  }

  /**
   * Claims the key for a request with the given scope and fingerprint. Throws IdempotencyKeyReusedError (422) when the
   * key belongs to another request and IdempotencyInProgressError (409) while its first request is still running.
   */
  async claim(identity: IdempotencyIdentity, scope: string, requestHash: string): Promise<IdempotencyClaim> {
    // A released key (its first request failed with a 5xx) may vanish between the insert and the read, and an abandoned
    // claim or a refusal that no longer binds is removed before claiming afresh: all try the insert again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const claim = await this.transactions.run(async (manager) => {
        const claimedAt = this.clock.now();
        // The actor's refusals past their time go now, whether or not their keys are ever used again.
        await manager.query(
          `delete from idempotency_keys where actor_id = $1 and status = 'completed' and response_status >= 400 and completed_at <= $2`,
          [identity.actorId, new Date(claimedAt.getTime() - REFUSED_ANSWER_TTL_MS)],
        );
        const inserted = await queryRows<{ key: string }>(
          manager,
          `insert into idempotency_keys (tenant_id, actor_id, key, scope, request_hash, created_at, lease_expires_at)
           values ($1, $2, $3, $4, $5, $6, $7)
           on conflict (tenant_id, actor_id, key) do nothing
           returning key`,
          [RequestContextStore.requireTenantId(), identity.actorId, identity.key, scope, requestHash, claimedAt, this.leaseFrom(claimedAt)],
        );
        if (inserted.length > 0) return { kind: 'started', claimedAt } as const;
        const [row] = await queryRows<KeyRow>(
          manager,
          `select created_at as "createdAt", lease_expires_at as "leaseExpiresAt", completed_at as "completedAt", scope, request_hash as "requestHash", status,
                  response_status as "responseStatus", response_body as "responseBody"
             from idempotency_keys where actor_id = $1 and key = $2`,
          [identity.actorId, identity.key],
        );
        if (!row) return undefined;
        if (row.scope !== scope || row.requestHash !== requestHash) {
          if (!isRefusal(row)) throw new IdempotencyKeyReusedError();
          // The refused request changed nothing, so its key cannot stand for an effect: the corrected request runs.
          await manager.query(`delete from idempotency_keys where actor_id = $1 and key = $2 and created_at = $3`, [identity.actorId, identity.key, row.createdAt]);
          return undefined;
        }
        if (row.status === 'in_progress' || row.responseStatus === null) {
          // A running request keeps renewing its lease, so a duplicate of it gets 409; a lease that ran out belongs to
          // a request whose process died (or stopped renewing), and this request takes the key over.
          const now = this.clock.now();
          const expiresAt = row.leaseExpiresAt ?? new Date(row.createdAt.getTime() + ABANDONED_CLAIM_MS);
          if (now.getTime() < expiresAt.getTime()) throw new IdempotencyInProgressError();
          // The lease is checked again by the delete itself: a renewal committed since the read keeps the claim (the
          // delete waits for the renewal's row lock and re-reads the row), and the retry then answers 409.
          await manager.query(
            `delete from idempotency_keys
              where actor_id = $1 and key = $2 and status = 'in_progress' and created_at = $3
                and (lease_expires_at <= $4 or (lease_expires_at is null and created_at <= $5))`,
            [identity.actorId, identity.key, row.createdAt, now, new Date(now.getTime() - ABANDONED_CLAIM_MS)],
          );
          return undefined;
        }
        return { kind: 'replay', response: { status: row.responseStatus, body: row.responseBody } } as const;
      });
      if (claim) return claim;
    }
    throw new IdempotencyInProgressError();
  }

  /**
   * Extends the lease of a claim whose request is still running. False when the claim is no longer this request's (it
   * was answered, released, or taken over after its lease ran out), so the caller stops renewing.
   */
  async renew(identity: IdempotencyIdentity, claimedAt: Date, tenantId: string): Promise<boolean> {
    const renewed = await this.transactions.runFor(tenantId, (manager) =>
      queryRows<{ key: string }>(
        manager,
        `update idempotency_keys set lease_expires_at = $3
          where actor_id = $1 and key = $2 and status = 'in_progress' and created_at = $4
          returning key`,
        [identity.actorId, identity.key, this.leaseFrom(this.clock.now()), claimedAt],
      ),
    );
    return renewed.length > 0;
  }

  /** Records the answer of the first request; later requests with the key replay it. */
  async complete(identity: IdempotencyIdentity, claimedAt: Date, response: StoredResponse): Promise<void> {
    await this.transactions.run((manager) =>
      manager.query(
        `update idempotency_keys set status = 'completed', response_status = $3, response_body = $4, completed_at = $5, lease_expires_at = null
          where actor_id = $1 and key = $2 and status = 'in_progress' and created_at = $6`,
        [identity.actorId, identity.key, response.status, JSON.stringify(response.body ?? null), this.clock.now(), claimedAt],
      ),
    );
  }

  /** Forgets an unfinished claim (the request failed on our side), so the client may retry with the same key. */
  async release(identity: IdempotencyIdentity, claimedAt: Date): Promise<void> {
    await this.transactions.run((manager) =>
      manager.query(`delete from idempotency_keys where actor_id = $1 and key = $2 and status = 'in_progress' and created_at = $3`, [
        identity.actorId,
        identity.key,
        claimedAt,
      ]),
    );
  }
}
