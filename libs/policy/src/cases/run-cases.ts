import type { CalcResult } from '../contract';
import { evaluateWithPolicy } from '../engine/evaluate';
import { PolicyEngineError } from '../errors';
import { isInForceOn, policyInForce, repositoryOf } from '../load/repository';
import type { CompiledPolicy } from '../model';
import type { TenantGeography } from '../placement/placement';
import { validateRequest } from '../validate-request';
import { requestOf, type CaseTable, type PolicyCase } from './case-table';
import { differences } from './compare-result';

/** Evaluates a calc request (untrusted JSON); throws PolicyEngineError like `calculate`. */
export type CaseEvaluator = (request: unknown) => CalcResult;

export interface CaseOutcome {
  name: string;
  article: string | null;
  passed: boolean;
  /** What is wrong, one line each (empty when the case passes). */
  problems: string[];
  expectedTotalFen: number | null;
  actualTotalFen: number | null;
  /** The result the case produced; null when the engine refused the request. */
  result: CalcResult | null;
}

/**
 * Runs one case exactly as docs/POLICY-CASES.md describes: the request built from defaults and case, evaluated, and
 * compared key by key with `expect` (or the engine's error code when `expect.error` is given). Pure: the evaluator
 * decides which policy versions are visible, so the unit test (the files) and the drafting API (a draft) share it.
 */
export function runCase(table: CaseTable, c: PolicyCase, evaluate: CaseEvaluator): CaseOutcome {
  const base = { name: String(c.name ?? ''), article: typeof c.article === 'string' ? c.article : null };
  const expectedTotalFen = typeof c.expect?.totalFen === 'number' ? c.expect.totalFen : null;
  let result: CalcResult;
  try {
    result = evaluate(requestOf(table, c));
  } catch (error) {
    if (!(error instanceof PolicyEngineError)) throw error;
    const problems = c.expect.error === undefined ? [`engine refused the case: ${error.code}: ${error.message}`] : error.code === c.expect.error ? [] : [`error: expected ${c.expect.error}, got ${error.code}`];
    return { ...base, passed: problems.length === 0, problems, expectedTotalFen, actualTotalFen: null, result: null };
  }
  const actualTotalFen = result.applicants.reduce((sum, a) => sum + a.totalFen, 0);
  if (c.expect.error !== undefined) {
    return { ...base, passed: false, problems: [`expected error ${c.expect.error}, got a result`], expectedTotalFen, actualTotalFen, result };
  }
  const problems = c.expect.applicants
    ? c.expect.applicants.flatMap((want, i) => (result.applicants[i] ? differences(result.applicants[i], want, `applicants[${i}].`) : [`applicants[${i}]: missing`]))
    : result.applicants[0]
      ? differences(result.applicants[0], c.expect)
      : ['applicants[0]: missing'];
  return { ...base, passed: problems.length === 0, problems, expectedTotalFen, actualTotalFen: result.applicants[0]?.totalFen ?? actualTotalFen, result };
}

/** Runs every case of a table; an unreadable table is one failing outcome naming its problem. */
export function runCases(table: CaseTable, evaluate: CaseEvaluator): CaseOutcome[] {
  if (table.problem !== undefined) {
    return [{ name: table.file, article: null, passed: false, problems: [table.problem], expectedTotalFen: null, actualTotalFen: null, result: null }];
  }
  return table.cases.map((c) => runCase(table, c, evaluate));
}

/**
 * The evaluator for a draft: a request dated within the draft's validity is evaluated under the draft alone (even
 * where a published version overlaps it), any other date under the tenant's other versions as the engine would pick.
 */
export function draftEvaluator(draft: CompiledPolicy, others: readonly CompiledPolicy[], geography?: TenantGeography): CaseEvaluator {
  const repo = repositoryOf('', [...others]);
  return (json) => {
    const checked = validateRequest(json);
    if (!checked.ok) {
      const first = checked.problems[0];
      throw new PolicyEngineError('invalid_request', `${first.path}: ${first.message}`, first.path);
    }
    const date = checked.request.applicationDate;
    const policy = isInForceOn(draft, date) ? draft : policyInForce(repo, draft.tenant, date);
    return evaluateWithPolicy(policy, checked.request, geography);
  };
}
