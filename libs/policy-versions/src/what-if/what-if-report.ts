import { CompiledPolicy, WhatIfComparison } from '@subsidy/policy';
import { WhatIfReportDto } from './what-if.dto';

const fen = (value: number): string => String(value);

/** The comparison as the API answers it: money as decimal strings, applicants by name (never by an internal id). */
export function reportOf(
  comparison: WhatIfComparison,
  candidate: CompiledPolicy,
  unpricedApplications: number,
  budget: { programId: string | null; budgetTotalFen: string | null },
): WhatIfReportDto {
  const [baselineId] = comparison.baselinePolicyIds;
  return {
    baseline: baselineId !== undefined ? { policyId: baselineId } : null,
    candidate: { policyId: candidate.id },
    applications: comparison.applications,
    unpricedApplications,
    totalBeforeFen: fen(comparison.totalBeforeFen),
    totalAfterFen: fen(comparison.totalAfterFen),
    deltaFen: fen(comparison.deltaFen),
    // What the compared applications would commit of the budget, under each side.
    budget: { ...budget, committedBeforeFen: fen(comparison.totalBeforeFen), committedAfterFen: fen(comparison.totalAfterFen) },
    byItem: comparison.byItem.map((line) => ({
      itemId: line.itemId,
      label: line.label,
      article: line.article,
      count: line.count,
      beforeFen: fen(line.beforeFen),
      afterFen: fen(line.afterFen),
      deltaFen: fen(line.deltaFen),
    })),
    byApplicant: comparison.byApplicant.map((line) => ({
      organizationName: line.applicantName,
      applicationCount: line.applicationCount,
      beforeFen: fen(line.beforeFen),
      afterFen: fen(line.afterFen),
      deltaFen: fen(line.deltaFen),
    })),
  };
}
