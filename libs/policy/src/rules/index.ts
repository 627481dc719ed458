import { applicantKindRule } from './applicant-kind';
import { applicationWindowRule } from './application-window';
import { capApplicantYearRule } from './cap-applicant-year';
import { capCostsRule } from './cap-costs';
import { capFundShareRule } from './cap-fund-share';
import { capGroupRule } from './cap-group';
import { capItemRule } from './cap-item';
import { categoryLimitRule } from './category-limit';
import { costShareRule } from './cost-share';
import { countLimitRule } from './count-limit';
import { draftingRankRule } from './drafting-rank';
import { fraudBanRule } from './fraud-ban';
import { highestOnlyRule } from './highest-only';
import { otherFundingRule } from './other-funding';
import { paymentPlanRule } from './payment-plan';
import { periodRule } from './period';
import { priorAwardRule } from './prior-award';
import { registerRule } from './registry';
import { registeredInTenantRule } from './registered-in-tenant';
import { capRequestTotalRule, requestCountLimitRule } from './request-wide';
import { sanctionRule } from './sanction';
import { scaleRule } from './scale';
import { seriesRule } from './series';

/** Every rule kind the format knows. A new kind is a new file plus one line here. */
for (const module of [
  applicantKindRule,
  registeredInTenantRule,
  applicationWindowRule,
  draftingRankRule,
  periodRule,
  sanctionRule,
  fraudBanRule,
  otherFundingRule,
  priorAwardRule,
  highestOnlyRule,
  seriesRule,
  scaleRule,
  capItemRule,
  capCostsRule,
  countLimitRule,
  categoryLimitRule,
  capGroupRule,
  capApplicantYearRule,
  capFundShareRule,
  capRequestTotalRule,
  requestCountLimitRule,
  costShareRule,
  paymentPlanRule,
]) {
  registerRule(module);
}

export { ruleKinds, ruleModule } from './registry';
