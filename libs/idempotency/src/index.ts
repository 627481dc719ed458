/** @subsidy/idempotency: `@Idempotent(scope)` routes that run once per Idempotency-Key and replay their first answer. */
export * from './idempotency-errors';
export * from './idempotency-store';
export * from './idempotency.interceptor';
export * from './idempotent.decorator';
export * from './idempotency.module';
export { canonicalJson, requestFingerprint, isValidIdempotencyKey } from './request-fingerprint';
