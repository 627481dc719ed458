import { Injectable } from '@nestjs/common';
import { Paged } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { ApplicationStore, InvalidStateError, ProgramStore } from '../../core';
import { loadApplicationItems } from '../items/application-items';
import { PanelMemberStatus, PanelStore } from '../panel/panel-store';
import { panelView, PanelView } from '../panel/panel-view';
import { ReviewRoute } from '../review-route';

export interface Assignment {
  applicationId: string;
  programId: string;
  programTitle: string;
  applicant: { organizationId: string; name: string };
  status: PanelMemberStatus;
  round: number;
  dueAt: string;
  rubric: Array<{ key: string; label: string; maxPoints: number }>;
  items: Array<{ achievementId: string; achievement: Record<string, unknown>; ceilingFen: number; basis: 'fixed' | 'ceiling' }>;
  /** When the expert declared no conflict (expert_declarations); null: the documents stay closed to them. */
  noConflictDeclaredAt: string | null;
}

interface AssignmentRow {
  applicationId: string;
  organizationName: string;
  status: PanelMemberStatus;
  round: number;
  dueAt: Date;
  declaredAt: Date | null;
}

/** Read side of the expert review: an expert's open invitations, and a panel as the office sees it. */
@Injectable()
export class PanelQueries {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly route: ReviewRoute,
  ) {}

  async assignments(actor: Actor): Promise<Assignment[]> {
    return (await this.assignmentPage(actor, { orderBy: 'p.due_at, m.application_id', limit: null, offset: 0 })).rows;
  }

  /**
   * One page of the expert's assignments (paged in SQL; the items and ceilings of the page's rows only are then
   * computed), and how many match in all.
   */
  async assignmentPage(
    actor: Actor,
    filter: { status?: 'invited' | 'scored'; orderBy: string; limit: number | null; offset: number },
  ): Promise<Paged<Assignment>> {
    return this.transactions.run(async (manager) => {
      const where = `from panel_members m
           join panels p on p.application_id = m.application_id
           join applications a on a.id = m.application_id
           join organizations o on o.id = a.organization_id
          where m.expert_id = $1 and m.status in ('invited', 'scored') and a.status = 'expert_review' and p.completed_at is null
            and ($2::text is null or m.status = $2)`;
      const params = [actor.id, filter.status ?? null];
      const rows = (await manager.query(
        `select m.application_id as "applicationId", o.name as "organizationName", m.status, m.round, p.due_at as "dueAt",
                (select d.declared_at from expert_declarations d where d.application_id = m.application_id and d.expert_id = m.expert_id) as "declaredAt"
           ${where}
          order by ${filter.orderBy} limit $3 offset $4`,
        [...params, filter.limit, filter.offset],
      )) as AssignmentRow[];
      const [count] = (await manager.query(`select count(*)::int as total ${where}`, params)) as Array<{ total: number }>;
      const assignments: Assignment[] = [];
      for (const row of rows) {
        const application = await ApplicationStore.get(manager, row.applicationId);
        const program = await ProgramStore.get(manager, application.programId);
        // The items the panel judges: every item, or those the text scopes the expert review to (Beijing 第十三条).
        const ceilings = await this.route.panelCeilings(manager, application, program);
        const items = await loadApplicationItems(manager, application.id);
        assignments.push({
          applicationId: application.id,
          programId: program.id,
          programTitle: program.title,
          applicant: { organizationId: application.organizationId, name: row.organizationName },
          status: row.status,
          round: row.round,
          dueAt: row.dueAt.toISOString(),
          rubric: program.review.panel?.rubric.criteria ?? [],
          items: items.filter((i) => ceilings.has(i.achievementId)).map((i) => {
            const ceiling = ceilings.get(i.achievementId);
            return { achievementId: i.achievementId, achievement: i.payload, ceilingFen: ceiling?.ceilingFen ?? 0, basis: ceiling?.basis ?? 'ceiling' };
          }),
          noConflictDeclaredAt: row.declaredAt ? row.declaredAt.toISOString() : null,
        });
      }
      return { rows: assignments, total: count?.total ?? 0 };
    });
  }

  async panel(applicationId: string): Promise<PanelView> {
    return this.transactions.run(async (manager) => {
      const application = await ApplicationStore.get(manager, applicationId);
      const panel = await PanelStore.find(manager, application.id);
      if (!panel) throw new InvalidStateError({ zh: '该申报尚未抽取评审专家组', en: 'No panel has been drawn for this application yet' });
      return panelView(panel, await PanelStore.members(manager, application.id));
    });
  }
}
