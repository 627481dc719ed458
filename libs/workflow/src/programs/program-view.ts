import { CompiledPolicy } from '@subsidy/policy';
import { CallSettings, ProgramRecord, ProgramStatus, ReviewSettings } from '../core';
import { programProcedure, ProgramProcedureView } from './procedure-template';
import { FundingSourceRecord } from './program-row-writes';

/** A program as the API shows it; money in integer fen (far below 2^53). */
export interface ProgramView {
  id: string;
  tenantId: string;
  year: number;
  title: string;
  policyId: string;
  policyHash: string;
  status: ProgramStatus;
  window: { kind: 'batch' | 'rolling'; opensAt: string; closesAt: string };
  call: CallSettings;
  review: ReviewSettings;
  budget: { totalFen: number; rule: 'pro_rata' | 'rank_order'; sources: Array<{ source: string; amountFen: number }> };
  version: number;
  /**
   * What the program's text binds: its validity and each article that fixes a setting or a rule of the program; null
   * when the text is no longer the one the program was configured with (policy_version_changed elsewhere).
   */
  procedure: ProgramProcedureView | null;
}

function fen(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`Amount ${text} fen is beyond what JSON numbers carry exactly`);
  return value;
}

/** `policy` is the program's current policy version (ProgramPolicy.current), undefined when it changed or vanished. */
export function toProgramView(program: ProgramRecord, sources: FundingSourceRecord[], policy: CompiledPolicy | undefined): ProgramView {
  return {
    id: program.id,
    tenantId: program.tenantId,
    year: program.year,
    title: program.title,
    policyId: program.policyId,
    policyHash: program.policyHash,
    status: program.status,
    window: { kind: program.windowKind, opensAt: program.opensAt.toISOString(), closesAt: program.closesAt.toISOString() },
    call: program.call,
    review: program.review,
    budget: {
      totalFen: fen(program.budgetTotalFen),
      rule: program.budgetRule,
      sources: sources.map((s) => ({ source: s.source, amountFen: fen(s.amountFen) })),
    },
    version: program.version,
    procedure: policy && policy.hash === program.policyHash ? programProcedure(policy) : null,
  };
}
