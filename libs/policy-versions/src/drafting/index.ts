export * from './drafting.module';
export { validatePolicyText, type ValidationReport, type ValidationContext } from './validation/validate-policy-text';
export type { PolicyValidationError } from './validation/validation-error';
export { runVersionCases, type CaseRun, type CaseResult } from './case-run';
export { documentChanges, parseDocumentOrNull, type DocumentChange } from './document-changes';
