import { Global, Module } from '@nestjs/common';
import { CalculateAwards } from './calculate-awards';
import { CalculationsController } from './calculations.controller';
import { POLICY_REPOSITORY, policyRepositoryProvider } from './policy-repository.provider';

@Global()
@Module({
  controllers: [CalculationsController],
  providers: [policyRepositoryProvider, CalculateAwards],
  exports: [POLICY_REPOSITORY, CalculateAwards],
})
export class AwardsModule {}
