/** Pricing: the award estimate of an application and the per-item ceilings review and decision check against. */
export { PricingModule } from './pricing.module';
export { AwardEstimator, type AwardEstimate } from './award-estimator';
export { ApplicationPricing } from './application-pricing';
export { type AwardCeiling, ceilingsOfParts, policyItemsOfParts, type PricedPart } from './award-ceiling';
export { amountProblem } from './amount-problem';
export { storedEstimateParts } from './stored-estimate';
export { contractAchievement } from './contract-achievement';
export { PolicyNotInForceError, PricingUnavailableError } from './pricing-errors';
export {
  type DecidedItemRow,
  type EarlierAward,
  type EarlierAwardPayer,
  earlierAwardsFor,
  engineFactsOf,
  fundingSourceOf,
  identifyingKey,
  payersOf,
  sameEarlierAwards,
  tenantLevelOf,
  type TenantLevel,
} from './earlier-award-facts';
export { STANDING_DECISION_STATUSES } from './earlier-awards';
export { decidedItemsOfOrganizations } from './earlier-awards';
