import { Provider } from '@nestjs/common';
import { configDir } from '@subsidy/config';
import { loadPolicyRepository, PolicyRepository } from '@subsidy/policy';

export const POLICY_REPOSITORY = Symbol('POLICY_REPOSITORY');

/** Every tenant's policy versions, loaded and validated once at start-up: a malformed file stops the process. */
export const policyRepositoryProvider: Provider = {
  provide: POLICY_REPOSITORY,
  useFactory: (): PolicyRepository => loadPolicyRepository(process.env.POLICY_DIR ?? configDir('policies')),
};

export type { PolicyRepository };
