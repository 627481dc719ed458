/** Route metadata key holding the scope given to `@Idempotent(scope)`. */
export const IDEMPOTENT_SCOPE = 'subsidy:idempotentScope';
