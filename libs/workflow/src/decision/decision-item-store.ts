import { queryRows } from '@subsidy/database';
import { EntityManager } from 'typeorm';

export interface DecisionItemRecord {
  applicationId: string;
  achievementId: string;
  ceilingFen: string;
  basis: 'fixed' | 'ceiling';
  article: string | null;
  proposedFen: string;
  decidedFen: string;
  reason: string | null;
}

const COLUMNS = `application_id as "applicationId", achievement_id as "achievementId", ceiling_fen::text as "ceilingFen", basis, article,
  proposed_fen::text as "proposedFen", decided_fen::text as "decidedFen", reason`;

/** Row access for the decided items of applications (money as text: bigint never meets a float). */
export const DecisionItemStore = {
  async forApplication(manager: EntityManager, applicationId: string): Promise<DecisionItemRecord[]> {
    return queryRows<DecisionItemRecord>(
      manager,
      `select ${COLUMNS} from decision_items d where application_id = $1
        order by (select position from application_achievements a where a.application_id = d.application_id and a.achievement_id = d.achievement_id), achievement_id`,
      [applicationId],
    );
  },

  async setDecided(manager: EntityManager, applicationId: string, achievementId: string, decidedFen: number, reason: string | null): Promise<void> {
    await manager.query(`update decision_items set decided_fen = $3, reason = $4 where application_id = $1 and achievement_id = $2`, [
      applicationId,
      achievementId,
      decidedFen,
      reason,
    ]);
  },

  async total(manager: EntityManager, applicationId: string): Promise<number> {
    const [row] = await queryRows<{ total: string }>(manager, `select coalesce(sum(decided_fen), 0)::text as total from decision_items where application_id = $1`, [applicationId]);
    return Number(row.total);
  },
};
