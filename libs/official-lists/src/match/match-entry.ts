import { EntityManager } from 'typeorm';
import { Candidate, MatchOutcome, NameMatcher, NEAR_REASON_TEXT, NearReason } from './name-matcher';

/** A stored near candidate: shown to the officer with the reason in both languages. */
export interface StoredCandidate {
  organizationId: string;
  name: string;
  reason: NearReason;
  reasonZh: string;
  reasonEn: string;
}

export interface RowMatch {
  status: 'matched' | 'review' | 'unregistered';
  organizationId: string | null;
  method: 'credit_code' | 'exact_name' | null;
  candidates: StoredCandidate[];
}

export function rowMatch(outcome: MatchOutcome): RowMatch {
  if (outcome.status === 'matched') return { status: 'matched', organizationId: outcome.candidate.id, method: outcome.method, candidates: [] };
  if (outcome.status === 'unregistered') return { status: 'unregistered', organizationId: null, method: null, candidates: [] };
  return {
    status: 'review',
    organizationId: null,
    method: null,
    candidates: outcome.candidates.map(({ candidate, reason }) => ({ organizationId: candidate.id, name: candidate.name, reason, reasonZh: NEAR_REASON_TEXT[reason].zh, reasonEn: NEAR_REASON_TEXT[reason].en })),
  };
}

/** The tenant's organizations as match candidates (a registration refused by the city names no one). */
export async function tenantMatcher(manager: EntityManager): Promise<NameMatcher> {
  const rows = (await manager.query(`select id, name, uscc from organizations where registration_status <> 'rejected'`)) as Array<{ id: string; name: string; uscc: string }>;
  return new NameMatcher(rows.map((r): Candidate => ({ id: r.id, name: r.name, creditCode: r.uscc.trim() })));
}
