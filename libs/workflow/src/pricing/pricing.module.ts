import { Module } from '@nestjs/common';
import { ApplicationPricing } from './application-pricing';
import { AwardEstimator } from './award-estimator';

/**
 * Pricing: what a program's frozen policy pays for an application (the estimate) and the per-item ceilings review and
 * decision check amounts against. ProgramPolicy comes from the global ProgramsModule.
 */
@Module({
  providers: [AwardEstimator, ApplicationPricing],
  exports: [AwardEstimator, ApplicationPricing],
})
export class PricingModule {}
