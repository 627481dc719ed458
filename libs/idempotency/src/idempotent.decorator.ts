import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IDEMPOTENCY_HEADER } from './idempotency-errors';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IDEMPOTENT_SCOPE } from './idempotency-metadata';

export { IDEMPOTENT_SCOPE };

/**
 * Makes a route safe to retry: it requires an `Idempotency-Key` header, runs once per (tenant, actor, key) and answers
 * every retry with the first answer (header `Idempotent-Replayed: true`). `scope` names the operation, so a key used
 * for one operation is never replayed for another.
 */
export const Idempotent = (scope: string): MethodDecorator =>
  applyDecorators(
    SetMetadata(IDEMPOTENT_SCOPE, scope),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({ name: IDEMPOTENCY_HEADER, required: true, description: '8-128 characters, unique per intended operation (e.g. a UUID)' }),
  );
