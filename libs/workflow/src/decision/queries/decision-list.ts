import { Injectable } from '@nestjs/common';
import { Scope } from '@subsidy/auth';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { allocateBudget } from '@subsidy/finance';
import { Actor } from '@subsidy/tenancy';
import { Achievement } from '@subsidy/policy';
import { EntityManager } from 'typeorm';
import { ApplicationStatus, ApplicationStore, ProgramRecord, ProgramStore } from '../../core';
import { DecisionRecorder } from '../decision-recorder';
import { labelOfRow, SNAPSHOT_SQL } from '../decision-snapshot';
import { rankApplications } from '../use-cases/decide-program';
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
  /** Decision list only: the applications still awaiting a decision, each item with its ceiling and the review's proposal. */
  pending?: PendingDecision[];
  /** Decision list only: what the budget rule would do to the decided applications, before it is applied; null once applied. */
  budgetEffect?: BudgetEffect | null;
  /** Decision list only: the program's latest publicity, null before one is opened. */
  publicity?: ProgramPublicity | null;
}

export interface PendingDecision {
  applicationId: string;
  organization: { id: string; name: string; uscc: string };
  items: Array<{ achievementId: string; label: string; article: string | null; basis: 'fixed' | 'ceiling'; ceilingFen: number; proposedFen: number }>;
}

export interface BudgetEffect {
  rule: 'pro_rata' | 'rank_order';
  budgetFen: number;
  requestedFen: number;
  allocatedFen: number;
  /** true when the decided awards exceed the budget, so the rule will scale or cut them. */
  scaled: boolean;
  applications: Array<{ applicationId: string; rank: number; requestedFen: number; allocatedFen: number }>;
}

export interface ProgramPublicity {
  id: string;
  startsOn: string;
  endsOn: string;
  status: 'open' | 'closed';
  objectionCount: number;
  openObjectionCount: number;
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

/**
 * The budget rule's effect on the decided applications as `DecideProgram` would apply it (same ranking, same
 * allocation, partialLast by default), while the program is not yet decided; null after.
 */
export function previewBudgetEffect(program: DecisionList['program'], entries: readonly DecisionListEntry[]): BudgetEffect | null {
  if (program.status !== 'closed' && program.status !== 'open') return null;
  const decided = entries.filter((e) => e.status === 'decided');
  const ranked = rankApplications(decided.map((e) => ({ id: e.applicationId, rank: e.rank, decidedTotalFen: String(e.decidedTotalFen) })));
  const result = allocateBudget(
    program.budgetTotalFen,
    ranked.map(({ application, rank }) => ({ id: application.id, amountFen: Number(application.decidedTotalFen), rank })),
    program.budgetRule,
  );
  return {
    rule: result.rule,
    budgetFen: result.budgetFen,
    requestedFen: result.requestedFen,
    allocatedFen: result.allocatedFen,
    scaled: result.requestedFen > result.budgetFen,
    applications: ranked.map(({ application, rank }) => {
      const allocation = result.allocations.find((a) => a.id === application.id);
      return { applicationId: application.id, rank, requestedFen: allocation?.requestedFen ?? 0, allocatedFen: allocation?.allocatedFen ?? 0 };
    }),
  };
}

@Injectable()
export class DecisionListQuery {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly recorder: DecisionRecorder,
  ) {}

  decisionList(programId: string): Promise<DecisionList> {
    return this.transactions.run(async (manager) => {
      const list = await loadDecisionList(manager, programId, DECIDED_STATUSES);
      const program = await ProgramStore.get(manager, programId);
      return {
        ...list,
        pending: await this.pending(manager, program),
        budgetEffect: previewBudgetEffect(list.program, list.applications),
        publicity: await latestPublicity(manager, programId),
      };
    });
  }

  /** The applications awaiting a decision, with each item's ceiling and the review's proposal (nothing is written). */
  private async pending(manager: EntityManager, program: ProgramRecord): Promise<PendingDecision[]> {
    const ids = await queryRows<{ id: string }>(manager, `select id from applications where program_id = $1 and status = 'awaiting_decision' order by submitted_at, id`, [program.id]);
    const out: PendingDecision[] = [];
    for (const { id } of ids) {
      const application = await ApplicationStore.get(manager, id);
      const [organization] = await queryRows<{ id: string; name: string; uscc: string }>(manager, `select id, name, uscc from organizations where id = $1`, [application.organizationId]);
      const items = await this.recorder.proposals(manager, application, program);
      out.push({ applicationId: id, organization, items });
    }
    return out;
  }

  /** Approved and handed-over awards; a district-level finance officer gets its district's lines only (in SQL). */
  approvedList(actor: Actor, programId: string): Promise<DecisionList> {
    const districtCode = Scope.districtFilter(actor);
    return this.transactions.run((manager) => loadDecisionList(manager, programId, ['approved', 'handed_over'], districtCode));
  }
}

async function latestPublicity(manager: EntityManager, programId: string): Promise<ProgramPublicity | null> {
  const [row] = await queryRows<ProgramPublicity>(
    manager,
    `select p.id, to_char(p.starts_on, 'YYYY-MM-DD') as "startsOn", to_char(p.ends_on, 'YYYY-MM-DD') as "endsOn", p.status,
            (select count(*)::int from objections o where o.publicity_id = p.id) as "objectionCount",
            (select count(*)::int from objections o where o.publicity_id = p.id and o.status = 'received') as "openObjectionCount"
       from publicities p where p.program_id = $1 order by p.created_at desc, p.id desc limit 1`,
    [programId],
  );
  return row ?? null;
}
