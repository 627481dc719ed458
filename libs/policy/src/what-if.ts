import type { CalcRequest, CalcResult } from './contract';
import { evaluateWithPolicy } from './engine/evaluate';
import type { TenantGeography } from './placement/placement';
import { PolicyEngineError } from './errors';
import type { PolicyRepository } from './load/repository';
import type { CompiledPolicy } from './model';

export interface WhatIfLine {
  /** Award item id (`(none)` for achievements no item covers). */
  itemId: string;
  baselineFen: number;
  candidateFen: number;
  deltaFen: number;
  /** Achievements awarded under each policy for this item. */
  baselineCount: number;
  candidateCount: number;
}

export interface WhatIfReport {
  baseline: { policyId: string; hash: string; totalFen: number };
  candidate: { policyId: string; hash: string; totalFen: number };
  deltaFen: number;
  byItem: WhatIfLine[];
  perApplicant: { uscc: string; baselineFen: number; candidateFen: number; deltaFen: number }[];
  results: { baseline: CalcResult; candidate: CalcResult };
}

function totalsByItem(result: CalcResult): Map<string, { fen: number; count: number }> {
  const totals = new Map<string, { fen: number; count: number }>();
  for (const applicant of result.applicants) {
    for (const item of applicant.items) {
      const key = item.itemId ?? '(none)';
      const t = totals.get(key) ?? { fen: 0, count: 0 };
      t.fen += item.amountFen;
      if (item.amountFen > 0) t.count += 1;
      totals.set(key, t);
    }
  }
  return totals;
}

function grandTotal(result: CalcResult): number {
  return result.applicants.reduce((sum, a) => sum + a.totalFen, 0);
}

/**
 * Evaluates the same applicants under two policy versions (or a draft compiled with compilePolicyText) and reports
 * the difference per award item and in total. Item ids are the join key, so keep ids stable across versions.
 */
export function whatIf(request: CalcRequest, baseline: CompiledPolicy, candidate: CompiledPolicy, geography?: TenantGeography): WhatIfReport {
  const before = evaluateWithPolicy(baseline, request, geography);
  const after = evaluateWithPolicy(candidate, request, geography);
  const b = totalsByItem(before);
  const c = totalsByItem(after);
  const ids = [...new Set([...b.keys(), ...c.keys()])].sort();
  const byItem = ids
    .map((itemId) => {
      const x = b.get(itemId) ?? { fen: 0, count: 0 };
      const y = c.get(itemId) ?? { fen: 0, count: 0 };
      return { itemId, baselineFen: x.fen, candidateFen: y.fen, deltaFen: y.fen - x.fen, baselineCount: x.count, candidateCount: y.count };
    })
    .filter((line) => line.baselineFen !== 0 || line.candidateFen !== 0 || line.baselineCount !== line.candidateCount);
  const perApplicant = before.applicants.map((a, i) => ({
    uscc: a.uscc,
    baselineFen: a.totalFen,
    candidateFen: after.applicants[i].totalFen,
    deltaFen: after.applicants[i].totalFen - a.totalFen,
  }));
  const totalBefore = grandTotal(before);
  const totalAfter = grandTotal(after);
  return {
    baseline: { policyId: baseline.id, hash: baseline.hash, totalFen: totalBefore },
    candidate: { policyId: candidate.id, hash: candidate.hash, totalFen: totalAfter },
    deltaFen: totalAfter - totalBefore,
    byItem,
    perApplicant,
    results: { baseline: before, candidate: after },
  };
}

/** What-if between two stored versions of a tenant, by version id. */
export function whatIfVersions(repo: PolicyRepository, tenant: string, request: CalcRequest, baselineId: string, candidateId: string): WhatIfReport {
  const find = (id: string): CompiledPolicy => {
    const policy = repo.versions(tenant).find((p) => p.id === id);
    if (!policy) {
      const known = repo.versions(tenant).map((p) => p.id).join(', ') || '(none)';
      throw new PolicyEngineError('unknown_tenant', `no version "${id}" of tenant "${tenant}"; versions: ${known}`);
    }
    return policy;
  };
  return whatIf(request, find(baselineId), find(candidateId), repo.geography?.(tenant));
}
