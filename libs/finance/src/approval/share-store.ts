import { queryRows } from '@subsidy/database';
import { EntityManager } from 'typeorm';

export type ShareStatus = 'committed' | 'approved' | 'held' | 'released';

export interface ShareRecord {
  id: string;
  awardId: string;
  programId: string;
  payer: string;
  amountFen: string;
  status: ShareStatus;
  holdReason: string | null;
  applicationId: string;
  achievementId: string;
}

const COLUMNS = `s.id, s.award_id as "awardId", s.program_id as "programId", s.payer, s.amount_fen::text as "amountFen", s.status,
  s.hold_reason as "holdReason", a.application_id as "applicationId", a.achievement_id as "achievementId"`;

export const ShareStore = {
  /** The shares of one payer in a program, locked, in a stable order. */
  async lockForPayer(manager: EntityManager, programId: string, payer: string): Promise<ShareRecord[]> {
    return queryRows<ShareRecord>(
      manager,
      `select ${COLUMNS} from finance_shares s join finance_awards a on a.id = s.award_id
        where s.program_id = $1 and s.payer = $2 order by s.id for update of s`,
      [programId, payer],
    );
  },

  async listForProgram(manager: EntityManager, programId: string, payer: string | null): Promise<ShareRecord[]> {
    return queryRows<ShareRecord>(
      manager,
      `select ${COLUMNS} from finance_shares s join finance_awards a on a.id = s.award_id
        where s.program_id = $1 and ($2::text is null or s.payer = $2) order by s.payer, a.application_id, a.achievement_id`,
      [programId, payer],
    );
  },
};
