import { Inject, Injectable } from '@nestjs/common';
import { Clock, cstToday } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { compareDue, DueFigures, dueFigures } from './due-figures';
import {
  applicantSources,
  districtReviewerSources,
  expertSources,
  financeSources,
  officerSources,
  readSource,
  technicalReviewerSources,
  WORK_KINDS,
  WorkEntity,
  WorkKind,
  WorkSource,
} from './work-sources';

export interface WorkItem extends DueFigures {
  id: string;
  entity: WorkEntity;
  title: string;
  detail: string | null;
  dueOn: string | null;
  /** How many pieces of work the item stands for (applications of a program, objections to one application). */
  count: number;
}

export interface WorkGroup extends DueFigures {
  kind: WorkKind;
  count: number;
  /** The earliest due date of all the group's work (not only the items listed). */
  earliestDueOn: string | null;
  /** The first items, in due order. */
  items: WorkItem[];
}

export interface MyWork {
  /** Today in China Standard Time, from the application clock. */
  today: string;
  groups: WorkGroup[];
}

/** The sources of work waiting for the actor's role; none for roles without workflow work (administrators). */
export function sourcesFor(actor: Actor, today?: string): WorkSource[] {
  if (actor.kind !== 'user') return [];
  switch (actor.role) {
    case 'program_officer':
      return officerSources(today);
    case 'district_reviewer':
      return actor.districtCode ? districtReviewerSources(actor.id, actor.districtCode) : [];
    case 'technical_reviewer':
      return technicalReviewerSources(actor.id);
    case 'expert':
      return expertSources(actor.id);
    case 'applicant':
      return actor.organizationId ? applicantSources(actor.organizationId) : [];
    case 'finance_officer':
      if (actor.financeLevel === 'city') return financeSources(null);
      return actor.districtCode ? financeSources(`district:${actor.districtCode}`) : [];
    default:
      return [];
  }
}

/**
 * The 工作台: for the signed-in user's role, each kind of work waiting for them with its count, earliest due date,
 * whether it is overdue and the working days left, and its first items; groups with nothing waiting are left out.
 * Ordered overdue first, then by due date (undated last).
 */
@Injectable()
export class MyWorkQuery {
  constructor(
    private readonly transactions: TenantTransactions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async forActor(actor: Actor): Promise<MyWork> {
    const today = cstToday(this.clock);
    const sources = sourcesFor(actor, today);
    const groups = await this.transactions.run(async (manager) => {
      const read: WorkGroup[] = [];
      for (const source of sources) {
        const rows = await readSource(manager, source);
        if (rows.length === 0) continue;
        const earliestDueOn = rows[0].earliest;
        read.push({
          kind: source.kind,
          count: rows[0].total,
          earliestDueOn,
          ...dueFigures(earliestDueOn, today),
          items: rows.map((row) => ({
            id: row.id,
            entity: source.entity,
            title: row.title,
            detail: row.detail,
            dueOn: row.dueOn,
            count: row.n,
            ...dueFigures(row.dueOn, today),
          })),
        });
      }
      return read;
    });
    const kindOrder = (kind: WorkKind): number => WORK_KINDS.indexOf(kind);
    groups.sort((a, b) => compareDue({ overdue: a.overdue, dueOn: a.earliestDueOn }, { overdue: b.overdue, dueOn: b.earliestDueOn }) || kindOrder(a.kind) - kindOrder(b.kind));
    return { today, groups };
  }
}
