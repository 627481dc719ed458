import { CalcRequest, CompiledPolicy, policyInForce, PolicyEngineError, PolicyRepository, validateRequest, WhatIfApplication } from '@subsidy/policy';
import { contractAchievement, earlierAwardsFor, engineFactsOf } from '@subsidy/workflow';
import { WhatIfData, WhatIfProgram } from './what-if-data';

/**
 * The version that was in force on the application's date: the tenant's version in force then, or, where none was
 * (an application outside every text's validity), the program's own version if it is still the exact text the program
 * was bound to. Undefined when neither exists: such an application cannot be compared.
 */
function baselineFor(policies: PolicyRepository, tenantId: string, program: WhatIfProgram, date: string): CompiledPolicy | undefined {
  try {
    return policyInForce(policies, tenantId, date);
  } catch (error) {
    if (!(error instanceof PolicyEngineError)) throw error;
    return policies.versions(tenantId).find((p) => p.id === program.policyId && p.hash === program.policyHash);
  }
}

/** The program budget is the year's fund; one beyond exact integer range is left out, as AwardEstimator does. */
function fundOf(program: WhatIfProgram): number | null {
  const fen = Number(program.budgetTotalFen);
  return Number.isSafeInteger(fen) && fen >= 0 ? fen : null;
}

/**
 * Rebuilds each application's calculation request exactly as AwardEstimator builds it for pricing (the applicant as
 * declared, its achievements without review-only fields, its earlier decided awards as prior awards and other funding,
 * finance's sanctions, the program budget as the year's fund), at its own application date. Pure: the reads are done.
 */
export function whatIfApplications(data: WhatIfData, tenantId: string, policies: PolicyRepository): { applications: WhatIfApplication[]; unpriced: number } {
  const programs = new Map(data.programs.map((p) => [p.id, p]));
  const applications: WhatIfApplication[] = [];
  let unpriced = 0;
  for (const row of data.applications) {
    const program = programs.get(row.programId);
    const baseline = program ? baselineFor(policies, tenantId, program, row.applicationDate) : undefined;
    if (!program || !baseline) {
      unpriced += 1;
      continue;
    }
    const { achievements } = row;
    // The organization's decided awards in its OTHER applications, as decidedItemsOf gives them to the estimator.
    const decided = (data.decided.get(row.organizationId) ?? []).filter((d) => d.applicationId !== row.id);
    const facts = decided.length > 0 ? engineFactsOf(decided, earlierAwardsFor(achievements, decided, data.tenantLevel), data.tenantLevel) : { priorAwards: [], otherFunding: [] };
    const sanctions = data.sanctions.get(row.organizationId) ?? [];
    const fund = fundOf(program);
    const request: CalcRequest = {
      applicationDate: row.applicationDate,
      programYear: program.year,
      ...(fund !== null ? { fundTotalFen: fund } : {}),
      applicants: [
        {
          uscc: row.uscc,
          name: row.name,
          kind: row.kind,
          ...(row.districtName !== null ? { district: row.districtName } : {}),
          ...(facts.priorAwards.length > 0 ? { priorAwards: facts.priorAwards } : {}),
          ...(facts.otherFunding.length > 0 ? { otherFunding: facts.otherFunding } : {}),
          ...(sanctions.length > 0 ? { sanctions } : {}),
          achievements: achievements.map(contractAchievement),
        },
      ],
    };
    const checked = validateRequest(request);
    if (!checked.ok) {
      unpriced += 1;
      continue;
    }
    applications.push({ key: row.id, applicantKey: row.organizationId, applicantName: row.name, request: checked.request, baseline });
  }
  return { applications, unpriced };
}
