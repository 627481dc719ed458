import { PanelDraw } from '@subsidy/review';
import { EntityManager } from 'typeorm';

export type PanelMemberStatus = 'invited' | 'declined' | 'scored' | 'removed';

/** What an expert submitted: the rubric scores (hundredths of a point) and a proposed amount per item. */
export interface StoredScoreSheet {
  scores: Record<string, number>;
  comment?: string;
  amounts: Record<string, number>;
}

export interface PanelRecord {
  applicationId: string;
  seed: string;
  draw: PanelDraw;
  dueAt: Date;
  combinedScore: number | null;
  completedAt: Date | null;
}

export interface PanelMember {
  expertId: string;
  name: string | null;
  status: PanelMemberStatus;
  round: number;
  scoreSheet: StoredScoreSheet | null;
  scoreTotal: number | null;
  scoredAt: Date | null;
}

/** Row access for an application's expert panel; callers hold the application's row lock, which serialises panel changes. */
export const PanelStore = {
  async find(manager: EntityManager, applicationId: string): Promise<PanelRecord | undefined> {
    const rows = (await manager.query(
      `select application_id as "applicationId", seed, draw, due_at as "dueAt", combined_score as "combinedScore", completed_at as "completedAt"
         from panels where application_id = $1`,
      [applicationId],
    )) as PanelRecord[];
    return rows[0];
  },

  async members(manager: EntityManager, applicationId: string): Promise<PanelMember[]> {
    return (await manager.query(
      `select m.expert_id as "expertId", u.display_name as name, m.status, m.round, m.score_sheet as "scoreSheet",
              m.score_total as "scoreTotal", m.scored_at as "scoredAt"
         from panel_members m left join users u on u.id = m.expert_id
        where m.application_id = $1 order by m.round, m.expert_id`,
      [applicationId],
    )) as PanelMember[];
  },

  async create(manager: EntityManager, tenantId: string, applicationId: string, draw: PanelDraw, dueAt: Date): Promise<void> {
    await manager.query(`insert into panels (tenant_id, application_id, seed, draw, due_at) values ($1, $2, $3, $4, $5)`, [
      tenantId,
      applicationId,
      draw.seed,
      JSON.stringify(draw),
      dueAt,
    ]);
  },

  async saveDraw(manager: EntityManager, applicationId: string, draw: PanelDraw, dueAt: Date): Promise<void> {
    await manager.query(`update panels set draw = $2, due_at = $3 where application_id = $1`, [applicationId, JSON.stringify(draw), dueAt]);
  },

  async invite(manager: EntityManager, tenantId: string, applicationId: string, expertIds: readonly string[], round: number): Promise<void> {
    for (const expertId of expertIds) {
      await manager.query(`insert into panel_members (tenant_id, application_id, expert_id, status, round) values ($1, $2, $3, 'invited', $4)`, [
        tenantId,
        applicationId,
        expertId,
        round,
      ]);
    }
  },

  async setStatus(manager: EntityManager, applicationId: string, expertIds: readonly string[], status: PanelMemberStatus): Promise<void> {
    if (expertIds.length === 0) return;
    await manager.query(`update panel_members set status = $3 where application_id = $1 and expert_id = any($2::uuid[])`, [applicationId, expertIds, status]);
  },
};
