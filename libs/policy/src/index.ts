/**
 * @subsidy/policy: loads, validates and evaluates tenants' award policies (libs/policy/FORMAT.md).
 * Pure library: no framework, no database. A NestJS service holds one PolicyRepository and calls `calculate`.
 */
export * from './contract';
export { PolicyEngineError, PolicyFileError, httpStatusFor, type PolicyErrorCode } from './errors';
export type { CompiledPolicy, CompiledItem, CompiledRule, MonthDayWindow } from './model';
export { applicationWindowOf, type ApplicationWindow } from './application-window-of';
export { NO_PROCEDURE, type Procedure, type ProcedureStage, type CallKind, type Cited } from './procedure';
export { loadPolicyRepository, lazyPolicyRepository, scanPolicies, repositoryOf, policyInForce, isInForceOn, type PolicyRepository } from './load/repository';
export { compilePolicyText, compilePolicyObject, type CompileOptions } from './load/compile-policy';
export { fullPolicySchema } from './load/full-schema';
export { findPolicyDir } from './load/find-policy-dir';
export { validateRequest, type RequestProblem } from './validate-request';
export { achievementOpenApiSchemas, achievementSchemaName, ACHIEVEMENT_SCHEMA_NAME } from './schema/achievement-openapi';
export { evaluate, calculate } from './calculate';
export { evaluateWithPolicy } from './engine/evaluate';
export { whatIf, whatIfVersions, type WhatIfReport, type WhatIfLine } from './what-if';
export { compareApplications, type WhatIfApplication, type WhatIfComparison, type WhatIfItemLine, type WhatIfApplicantLine, type WhatIfOptions } from './what-if-applications';
export { largestRemainder, parseYuan, percentOf, formatYuan } from './money';
export { ruleKinds } from './rules';
export { placeApplicant, divisionCodeOf, type Placement, type TenantGeography } from './placement/placement';
export { readTenantGeography } from './placement/geography-file';
export { parseCaseTable, requestOf, type CaseTable, type PolicyCase, type CaseExpectation, type ApplicantExpectation, type ItemExpectation } from './cases/case-table';
export { differences } from './cases/compare-result';
export { runCase, runCases, draftEvaluator, type CaseEvaluator, type CaseOutcome } from './cases/run-cases';
export { compileScope, type Scope, type ScopeSpec } from './match/scope';
export { describeError, pickError, pointerToPath } from './load/ajv';
