import { Global, Module } from '@nestjs/common';
import { PolicyVersionStoreModule } from '@subsidy/policy-versions/store';
import { CalculateAwards } from './calculate-awards';
import { CalculationsController } from './calculations.controller';
import { ListPolicyVersions } from './policies/list-policy-versions';
import { PoliciesController } from './policies/policies.controller';
import { POLICY_REPOSITORY, policyRepositoryProvider } from './policy-repository.provider';

@Global()
@Module({
  imports: [PolicyVersionStoreModule],
  controllers: [CalculationsController, PoliciesController],
  providers: [policyRepositoryProvider, CalculateAwards, ListPolicyVersions],
  exports: [POLICY_REPOSITORY, CalculateAwards],
})
export class AwardsModule {}
