import { draftEvaluator, parseCaseTable, runCase, runCases, type CaseEvaluator, type CaseOutcome, type CaseTable, type CompiledPolicy, type PolicyCase, type TenantGeography } from '@subsidy/policy';

export interface CaseTraceLine {
  itemId: string;
  outcome: 'awarded' | 'rejected';
  amountFen: number | null;
  article: string | null;
  explanation: string;
}

export interface CaseResult {
  name: string;
  article: string | null;
  passed: boolean;
  expectedTotalFen: number | null;
  actualTotalFen: number | null;
  problems: string[];
  trace: CaseTraceLine[];
}

export interface CaseRun {
  total: number;
  passed: number;
  failed: number;
  results: CaseResult[];
}

/**
 * Runs a version's case table (today's cases format) against the version compiled alone, with the tenant's other
 * published versions for dates outside its validity (libs/policy runCases / draftEvaluator, the same comparison as the
 * unit test of the files). A version whose text does not validate cannot run its cases: each is reported failed.
 */
export function runVersionCases(casesText: string, draft: CompiledPolicy | null, others: readonly CompiledPolicy[], geography?: TenantGeography): CaseRun {
  const table = parseCaseTable('cases', casesText, draft?.tenant ?? '');
  let outcomes: CaseOutcome[];
  if (casesText.trim() === '') {
    outcomes = [];
  } else if (!draft) {
    const problem = table.problem ?? '政策文本未通过校验，案例无法运行 (the text does not validate)';
    outcomes = (table.cases.length > 0 ? table.cases : [{ name: 'cases', article: '' }]).map((c) => ({ name: String(c.name ?? ''), article: c.article || null, passed: false, problems: [problem], expectedTotalFen: null, actualTotalFen: null, result: null }));
  } else {
    const evaluate = draftEvaluator(draft, others, geography);
    outcomes = table.problem !== undefined ? runCases(table, evaluate) : table.cases.map((c) => runGuarded(table, c, evaluate));
  }
  const results = outcomes.map(toResult);
  const passed = results.filter((r) => r.passed).length;
  return { total: results.length, passed, failed: results.length - passed, results };
}

function toResult(outcome: CaseOutcome): CaseResult {
  const trace = (outcome.result?.applicants ?? []).flatMap((applicant) =>
    applicant.items.map((item) => ({
      itemId: item.itemId ?? item.achievementId,
      outcome: item.outcome,
      amountFen: item.amountFen,
      article: item.article,
      explanation: item.trace.map((t) => `${t.article ? `【${t.article}】` : ''}${t.text.zh}`).join('；'),
    })),
  );
  return {
    name: outcome.name,
    article: outcome.article,
    passed: outcome.passed,
    expectedTotalFen: outcome.expectedTotalFen,
    actualTotalFen: outcome.actualTotalFen,
    problems: outcome.problems,
    trace,
  };
}

/** An officer's case table may be malformed in ways the engine never sees (a list where a map belongs): that case fails. */
function runGuarded(table: CaseTable, c: PolicyCase, evaluate: CaseEvaluator): CaseOutcome {
  try {
    return runCase(table, c, evaluate);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { name: String(c.name ?? ''), article: typeof c.article === 'string' ? c.article : null, passed: false, problems: [`案例格式有误 (malformed case): ${reason}`], expectedTotalFen: null, actualTotalFen: null, result: null };
  }
}
