import { Provider } from '@nestjs/common';
import { PolicyRepository } from '@subsidy/policy';
import { PolicyVersionCache } from '@subsidy/policy-versions/store';

export const POLICY_REPOSITORY = Symbol('POLICY_REPOSITORY');

/**
 * Every tenant's published policy versions, read from PostgreSQL (table policy_versions, issue 11) and compiled once
 * before the application starts: a stored version that does not compile stops the process, as a bad file did. A
 * publish in any process reaches this one without a restart. `npm run -s calc` still reads config/policies directly.
 */
export const policyRepositoryProvider: Provider = {
  provide: POLICY_REPOSITORY,
  useExisting: PolicyVersionCache,
};

export type { PolicyRepository };
