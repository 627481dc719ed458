// Moved to libs/policy (src/cases/compare-result.ts), shared with the drafting API's case runs.
export { differences } from '@subsidy/policy';
