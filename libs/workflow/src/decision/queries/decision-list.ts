import { Injectable } from '@nestjs/common';
import { Scope } from '@subsidy/auth';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { Achievement } from '@subsidy/policy';
import { EntityManager } from 'typeorm';
import { ApplicationStatus, ProgramStore } from '../../core';
import { labelOfRow, SNAPSHOT_SQL } from '../decision-snapshot';
import { EarlierAward, earlierAwardsFor } from '../../pricing/earlier-award-facts';
import { decidedItemsOfOrganizations, tenantLevelOfProgram } from '../../pricing/earlier-awards';

export interface DecisionListItem {
  achievementId: string;
  /**
   * What the item is, as fixed at the decision: the policy's name for it with the standard number
   * (国家标准 主持制定（GB/T 1-2023）); the applicant's reference only where the policy named no item.
   */
  label: string;
  /** The policy items' names as of the decision; null where none (or for rows decided before snapshots). */
  policyLabel: string | null;
  standardNo: string | null;
  article: string | null;
  basis: 'fixed' | 'ceiling';
  ceilingFen: number;
  proposedFen: number;
  decidedFen: number;
  reason: string | null;
  /**
   * Only where there are any: the organization's awards for the same thing (same engine key) decided in its other
   * applications of the tenant, any program and year, shown beside this claim (no double funding).
   */
  earlierAwards?: EarlierAward[];
}

export interface DecisionListEntry {
  applicationId: string;
  status: ApplicationStatus;
  rank: number | null;
  organization: { id: string; name: string; uscc: string };
  district: { code: string; name: string | null };
  decidedTotalFen: number;
  items: DecisionListItem[];
}

export interface DecisionList {
  program: { id: string; title: string; year: number; status: string; budgetTotalFen: number; budgetRule: 'pro_rata' | 'rank_order' };
  totalFen: number;
  applications: DecisionListEntry[];
}

interface Row {
  applicationId: string;
  status: ApplicationStatus;
  rank: number | null;
  organizationId: string;
  organizationName: string;
  uscc: string;
  districtCode: string;
  districtName: string | null;
  achievementId: string;
  payload: Record<string, unknown>;
  policyLabel: string | null;
  standardNo: string | null;
  achievementLabel: string | null;
  article: string | null;
  basis: 'fixed' | 'ceiling';
  ceilingFen: string;
  proposedFen: string;
  decidedFen: string;
  reason: string | null;
}

/**
 * The decided applications of a program with their items, in the statuses given (for the decision list: every
 * decided one; for the approved list: approved and handed over), optionally one district's only. Names and labels
 * are the decision's snapshots, so a rename after the decision changes nothing here. Totals are summed in bigint.
 */
export async function loadDecisionList(
  manager: EntityManager,
  programId: string,
  statuses: readonly ApplicationStatus[],
  districtCode: string | null = null,
): Promise<DecisionList> {
  const program = await ProgramStore.get(manager, programId);
  const rows = await queryRows<Row>(
    manager,
    `select a.id as "applicationId", a.status, a.rank, o.id as "organizationId", ${SNAPSHOT_SQL.organizationName} as "organizationName",
            ${SNAPSHOT_SQL.organizationUscc} as uscc, a.district_code as "districtCode", d.name_zh as "districtName",
            i.achievement_id as "achievementId", aa.payload, ${SNAPSHOT_SQL.policyLabel} as "policyLabel",
            ${SNAPSHOT_SQL.standardNo} as "standardNo", ${SNAPSHOT_SQL.achievementLabel} as "achievementLabel",
            i.article, i.basis, i.ceiling_fen::text as "ceilingFen", i.proposed_fen::text as "proposedFen",
            i.decided_fen::text as "decidedFen", i.reason
       from applications a
       join organizations o on o.id = a.organization_id
       left join districts d on d.code = a.district_code
       join decision_items i on i.application_id = a.id
       join application_achievements aa on aa.application_id = i.application_id and aa.achievement_id = i.achievement_id
      where a.program_id = $1 and a.status = any($2) and ($3::text is null or a.district_code = $3)
      order by ${SNAPSHOT_SQL.organizationName}, a.id, aa.position, i.achievement_id`,
    [programId, statuses, districtCode],
  );
  const entries = new Map<string, DecisionListEntry>();
  let total = 0n;
  for (const row of rows) {
    let entry = entries.get(row.applicationId);
    if (!entry) {
      entry = {
        applicationId: row.applicationId,
        status: row.status,
        rank: row.rank,
        organization: { id: row.organizationId, name: row.organizationName, uscc: row.uscc },
        district: { code: row.districtCode, name: row.districtName },
        decidedTotalFen: 0,
        items: [],
      };
      entries.set(row.applicationId, entry);
    }
    entry.items.push({
      achievementId: row.achievementId,
      label: labelOfRow(row),
      policyLabel: row.policyLabel,
      standardNo: row.standardNo,
      article: row.article,
      basis: row.basis,
      ceilingFen: Number(row.ceilingFen),
      proposedFen: Number(row.proposedFen),
      decidedFen: Number(row.decidedFen),
      reason: row.reason,
    });
    entry.decidedTotalFen = Number(BigInt(entry.decidedTotalFen) + BigInt(row.decidedFen));
    total += BigInt(row.decidedFen);
  }
  await attachEarlierAwards(manager, programId, [...entries.values()], rows);
  return {
    program: {
      id: program.id,
      title: program.title,
      year: program.year,
      status: program.status,
      budgetTotalFen: Number(program.budgetTotalFen),
      budgetRule: program.budgetRule,
    },
    totalFen: Number(total),
    applications: [...entries.values()],
  };
}

/** Puts beside each item the organization's earlier awards for the same thing (one query for the whole list). */
async function attachEarlierAwards(manager: EntityManager, programId: string, entries: DecisionListEntry[], rows: Row[]): Promise<void> {
  const decided = await decidedItemsOfOrganizations(
    manager,
    entries.map((e) => e.organization.id),
  );
  if (decided.size === 0) return;
  const level = await tenantLevelOfProgram(manager, programId);
  for (const entry of entries) {
    const others = (decided.get(entry.organization.id) ?? []).filter((d) => d.applicationId !== entry.applicationId);
    if (others.length === 0) continue;
    const claimed = rows.filter((r) => r.applicationId === entry.applicationId).map((r) => r.payload as unknown as Achievement);
    const earlier = earlierAwardsFor(claimed, others, level);
    for (const item of entry.items) {
      const mine = earlier.filter((e) => e.achievementId === item.achievementId);
      if (mine.length > 0) item.earlierAwards = mine;
    }
  }
}

/** Statuses of applications that carry a decision (before and after publicity). */
export const DECIDED_STATUSES: readonly ApplicationStatus[] = ['decided', 'in_publicity', 'objection_review', 'approved', 'handed_over', 'rejected'];

@Injectable()
export class DecisionListQuery {
  constructor(private readonly transactions: TenantTransactions) {}

  decisionList(programId: string): Promise<DecisionList> {
    return this.transactions.run((manager) => loadDecisionList(manager, programId, DECIDED_STATUSES));
  }

  /** Approved and handed-over awards; a district-level finance officer gets its district's lines only (in SQL). */
  approvedList(actor: Actor, programId: string): Promise<DecisionList> {
    const districtCode = Scope.districtFilter(actor);
    return this.transactions.run((manager) => loadDecisionList(manager, programId, ['approved', 'handed_over'], districtCode));
  }
}
