import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorBody, Localized } from '@subsidy/common';
import { RequestContextStore } from '@subsidy/tenancy';
import type { Request, Response } from 'express';
import { from, lastValueFrom, Observable, of } from 'rxjs';
import { IDEMPOTENCY_HEADER, IdempotencyKeyInvalidError, ReplayedErrorResponse } from './idempotency-errors';
import { IdempotencyIdentity, IdempotencyStore, StoredResponse } from './idempotency-store';
import { isValidIdempotencyKey, requestFingerprint } from './request-fingerprint';
import { IDEMPOTENT_SCOPE } from './idempotency-metadata';
import { ClaimLease } from './claim-lease';

export const REPLAYED_HEADER = 'Idempotent-Replayed';

/** The answer worth keeping for an error: our own 4xx (a decision about this request), never a 5xx (our failure). */
function storableError(error: unknown): StoredResponse | undefined {
  if (error instanceof DomainError && error.status >= 400 && error.status < 500) {
    // Both languages are kept, so a replay answers in the language the retry asks for.
    const body: ErrorBody & { localized: Localized } = { code: error.code, message: error.message, localized: error.localized, details: error.details };
    return { status: error.status, body };
  }
  return undefined;
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const b = body as Record<string, unknown>;
  return typeof b.code === 'string' && typeof b.message === 'string' && Array.isArray(b.details);
}

/** JSON-safe copy of a handler's result, as the client receives it. */
function asJson(body: unknown): unknown {
  return body === undefined ? null : (JSON.parse(JSON.stringify(body)) as unknown);
}

/** Runs routes marked `@Idempotent(scope)` at most once per key (see IdempotencyStore). */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly store: IdempotencyStore,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const scope = this.reflector.get<string | undefined>(IDEMPOTENT_SCOPE, context.getHandler());
    if (!scope || context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();

    const key = request.header(IDEMPOTENCY_HEADER);
    if (key === undefined || key === '') throw new IdempotencyKeyInvalidError(true);
    if (!isValidIdempotencyKey(key)) throw new IdempotencyKeyInvalidError(false);
    const actor = RequestContextStore.actor();
    if (!actor) throw new Error(`@Idempotent('${scope}') needs a signed-in actor; the route must not be @Public()`);

    const identity: IdempotencyIdentity = { actorId: actor.id, key };
    const fingerprint = requestFingerprint({ scope, method: request.method, path: request.originalUrl, body: request.body as unknown });
    const claim = await this.store.claim(identity, scope, fingerprint);
    if (claim.kind === 'replay') {
      response.setHeader(REPLAYED_HEADER, 'true');
      const stored = claim.response;
      if (stored.status >= 400 && isErrorBody(stored.body)) {
        const { localized } = stored.body as { localized?: Partial<Localized> };
        const message =
          typeof localized?.zh === 'string' && typeof localized.en === 'string'
            ? { zh: localized.zh, en: localized.en }
            : { zh: stored.body.message, en: stored.body.message };
        throw new ReplayedErrorResponse(stored.status, stored.body.code, message, stored.body.details);
      }
      return of(stored.body);
    }
    const successStatus = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? (request.method === 'POST' ? 201 : 200);
    return from(this.runFirst(next, identity, claim.claimedAt, successStatus));
  }

  private async runFirst(next: CallHandler, identity: IdempotencyIdentity, claimedAt: Date, successStatus: number): Promise<unknown> {
    const lease = new ClaimLease(this.store, identity, claimedAt, RequestContextStore.requireTenantId());
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      lease.stop();
      const answer = storableError(error);
      if (answer) await this.store.complete(identity, claimedAt, answer);
      else await this.store.release(identity, claimedAt);
      throw error;
    }
    lease.stop();
    await this.store.complete(identity, claimedAt, { status: successStatus, body: asJson(body) });
    return body;
  }
}

