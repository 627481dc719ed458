import { programStatusZh } from '../../core/status-names';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { allocateBudget, AllocationResult } from '@subsidy/finance';
import { Notifier } from '@subsidy/notifications';
import { EntityManager } from 'typeorm';
import { ApplicationRecord, ApplicationStore, ApplicationTransitions, InvalidStateError, ProgramRecord, ProgramStore } from '../../core';
import { DecisionItemStore } from '../decision-item-store';
import { scaleItems } from '../scale-items';
import { fenToYuan } from '../yuan';

export interface DecideProgramCommand {
  programId: string;
  /** A rolling program is decided while still open only when the office says so. */
  decideWhileOpen?: boolean;
  /** rank_order only: fund the first award that does not fit with what is left (default) or not at all. */
  partialLast?: boolean;
}

export interface ProgramDecision {
  programId: string;
  rule: 'pro_rata' | 'rank_order';
  budgetFen: number;
  requestedFen: number;
  allocatedFen: number;
  unallocatedFen: number;
  scaled: boolean;
  applications: Array<{ applicationId: string; rank: number; requestedFen: number; allocatedFen: number; status: 'decided' | 'rejected' }>;
}

/** Statuses in which an application is still on its way to a decision. */
const UNDECIDED = ['formal_check', 'correction_requested', 'district_review', 'technical_review', 'expert_review', 'awaiting_decision'];

const REASONS = {
  pro_rata: 'scaled pro rata to the budget',
  rank_order: 'funded in rank order until the budget ran out',
} as const;

/**
 * Applies the program's budget rule over its decided applications. When the awards exceed the budget, each
 * application's allocation is split over its items by largest remainder (weights = decided amounts), so items, then
 * applications, add up to the budget to the fen; an application left with nothing is rejected with the rule as reason.
 */
@Injectable()
export class DecideProgram {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly transitions: ApplicationTransitions,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: DecideProgramCommand): Promise<ProgramDecision> {
    return this.transactions.run(async (manager) => {
      const program = await ProgramStore.lock(manager, command.programId);
      assertDecidable(program, command.decideWhileOpen === true);
      const [pending] = await queryRows<{ count: number }>(
        manager,
        `select count(*)::int as count from applications where program_id = $1 and status = any($2)`,
        [program.id, UNDECIDED],
      );
      if (pending.count > 0) throw new InvalidStateError({ zh: `本项目仍有 ${pending.count} 件申报在审查中或待审定`, en: `${pending.count} application(s) of this program are still in review or awaiting decision` });
      const decided = await queryRows<ApplicationRecord>(
        manager,
        `select ${ApplicationStore.COLUMNS} from applications where program_id = $1 and status = 'decided' order by id for update`,
        [program.id],
      );
      const ranked = rankApplications(decided);
      await storeRanks(manager, program.id, ranked);
      const result = allocateBudget(
        Number(program.budgetTotalFen),
        ranked.map(({ application, rank }) => ({ id: application.id, amountFen: Number(application.decidedTotalFen ?? '0'), rank })),
        program.budgetRule,
        { partialLast: command.partialLast ?? true },
      );
      const scaled = result.requestedFen > result.budgetFen;
      const outcome = new Map<string, 'decided' | 'rejected'>();
      for (const { application } of ranked) {
        const allocation = result.allocations.find((a) => a.id === application.id);
        outcome.set(application.id, await this.applyAllocation(manager, program, application, allocation?.allocatedFen ?? 0));
      }
      const now = this.clock.now();
      await manager.query(`update programs set status = 'decided', decided_at = $2, updated_at = $2, version = version + 1 where id = $1`, [program.id, now]);
      await this.audit.record(manager, {
        action: 'program.decided',
        entityType: 'program',
        entityId: program.id,
        reason: scaled ? REASONS[program.budgetRule] : null,
        data: {
          from: program.status,
          to: 'decided',
          rule: result.rule,
          budgetFen: result.budgetFen,
          requestedFen: result.requestedFen,
          allocatedFen: result.allocatedFen,
          scaled,
          allocations: result.allocations.filter((a) => a.allocatedFen !== a.requestedFen),
          ranks: ranked.map(({ application, rank }) => ({ applicationId: application.id, rank })),
        },
      });
      return toDecision(program, result, scaled, ranked, outcome);
    });
  }

  private async applyAllocation(manager: EntityManager, program: ProgramRecord, application: ApplicationRecord, allocatedFen: number): Promise<'decided' | 'rejected'> {
    const requested = Number(application.decidedTotalFen ?? '0');
    if (allocatedFen === requested) return 'decided';
    const reason = REASONS[program.budgetRule];
    const items = await DecisionItemStore.forApplication(manager, application.id);
    const scaledItems = scaleItems(allocatedFen, items.map((i) => ({ achievementId: i.achievementId, decidedFen: Number(i.decidedFen) })));
    for (const item of scaledItems) {
      const before = items.find((i) => i.achievementId === item.achievementId);
      if (before && Number(before.decidedFen) !== item.decidedFen) {
        await DecisionItemStore.setDecided(manager, application.id, item.achievementId, item.decidedFen, reason);
      }
    }
    await manager.query(`update applications set decided_total_fen = $2 where id = $1`, [application.id, allocatedFen]);
    const data = { requestedFen: requested, allocatedFen, rule: program.budgetRule };
    if (allocatedFen === 0) {
      await this.transitions.move(manager, application, { to: 'rejected', action: 'application.rejected', reason, data });
    } else {
      // Still decided, for less: not a status change, so the audit record is written here rather than by a move.
      await this.audit.record(manager, { action: 'application.scaled', entityType: 'application', entityId: application.id, reason, data });
    }
    await this.notifier.notify(manager, [{ organizationId: application.organizationId }], {
      kind: 'application.budget-applied',
      subject: `${program.title}：资助金额按预算调整`,
      body: `预算不足，拟资助金额由 ${fenToYuan(requested)} 元调整为 ${fenToYuan(allocatedFen)} 元（${reason}）。`,
      entity: { type: 'application', id: application.id },
    });
    return allocatedFen === 0 ? 'rejected' : 'decided';
  }
}

function assertDecidable(program: ProgramRecord, decideWhileOpen: boolean): void {
  if (program.status === 'closed') return;
  if (program.status === 'open' && program.windowKind === 'rolling' && decideWhileOpen) return;
  if (program.status === 'open' && program.windowKind === 'rolling') {
    throw new InvalidStateError({ zh: '该常年受理的项目仍在受理中，如需现在审定请确认', en: 'The rolling program is still open: confirm with decideWhileOpen to decide it now' });
  }
  throw new InvalidStateError({ zh: `项目当前为“${programStatusZh(program.status)}”，须先截止受理才能审定`, en: `A ${program.status} program cannot be decided; it must be closed first` });
}

/**
 * THE rank of a program's applications, the one every view shows (`applications.rank`, written by `storeRanks` when
 * the program is decided): among the applications decided with money at that moment, the office's own priority where
 * it set one (a lower number first), then the larger decided total (before the budget rule), then the application id;
 * 1 = best, no ties. The budget rule funds in this order (rank_order).
 */
export function rankApplications<T extends Pick<ApplicationRecord, 'id' | 'rank' | 'decidedTotalFen'>>(applications: readonly T[]): Array<{ application: T; rank: number }> {
  const sorted = [...applications].sort((a, b) => {
    const ra = a.rank ?? Number.MAX_SAFE_INTEGER;
    const rb = b.rank ?? Number.MAX_SAFE_INTEGER;
    if (ra !== rb) return ra - rb;
    const ta = BigInt(a.decidedTotalFen ?? '0');
    const tb = BigInt(b.decidedTotalFen ?? '0');
    if (ta !== tb) return ta > tb ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  return sorted.map((application, index) => ({ application, rank: index + 1 }));
}

/**
 * Fixes the ranks in `applications.rank`, the one place every list reads them from: the ranked applications get
 * 1..n, and any other application of the program (rejected, withdrawn before the decision) none, so no view can show
 * a priority the office typed for an application that was never ranked. A later correction keeps them.
 */
async function storeRanks(manager: EntityManager, programId: string, ranked: ReadonlyArray<{ application: ApplicationRecord; rank: number }>): Promise<void> {
  await manager.query(
    `update applications a set rank = r.rank
       from (select unnest($2::uuid[]) as id, unnest($3::int[]) as rank) r
      where a.program_id = $1 and a.id = r.id`,
    [programId, ranked.map((r) => r.application.id), ranked.map((r) => r.rank)],
  );
  await manager.query(`update applications set rank = null where program_id = $1 and rank is not null and not (id = any($2::uuid[]))`, [
    programId,
    ranked.map((r) => r.application.id),
  ]);
}

function toDecision(
  program: ProgramRecord,
  result: AllocationResult,
  scaled: boolean,
  ranked: Array<{ application: ApplicationRecord; rank: number }>,
  outcome: Map<string, 'decided' | 'rejected'>,
): ProgramDecision {
  return {
    programId: program.id,
    rule: result.rule,
    budgetFen: result.budgetFen,
    requestedFen: result.requestedFen,
    allocatedFen: result.allocatedFen,
    unallocatedFen: result.unallocatedFen,
    scaled,
    applications: ranked.map(({ application, rank }) => {
      const allocation = result.allocations.find((a) => a.id === application.id);
      return {
        applicationId: application.id,
        rank,
        requestedFen: allocation?.requestedFen ?? 0,
        allocatedFen: allocation?.allocatedFen ?? 0,
        status: outcome.get(application.id) ?? 'decided',
      };
    }),
  };
}
