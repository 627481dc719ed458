import { EntityManager } from 'typeorm';
import { ApplicationStatus, ReviewStage } from './application-status';
import { ApplicationNotFoundError } from './workflow-errors';

export interface ApplicationRecord {
  tenantId: string;
  id: string;
  programId: string;
  organizationId: string;
  districtCode: string;
  reviewLevel: 'district' | 'city';
  status: ApplicationStatus;
  stageDueOn: string | null;
  returnStage: ReviewStage | null;
  /** The one person who holds the current district or technical review after a reassignment; null = the stage's reviewers. */
  reviewAssigneeId: string | null;
  estimateTotalFen: string | null;
  decidedTotalFen: string | null;
  submittedAt: Date | null;
  submissionCount: number;
  rank: number | null;
  version: number;
}

const COLUMNS = `tenant_id as "tenantId", id, program_id as "programId", organization_id as "organizationId",
  district_code as "districtCode", review_level as "reviewLevel", status, to_char(stage_due_on, 'YYYY-MM-DD') as "stageDueOn",
  return_stage as "returnStage", review_assignee_id as "reviewAssigneeId", estimate_total_fen::text as "estimateTotalFen", decided_total_fen::text as "decidedTotalFen",
  submitted_at as "submittedAt", submission_count as "submissionCount", rank, version`;

/** Row access for applications inside a tenant transaction (row-level security supplies the tenant). */
export const ApplicationStore = {
  COLUMNS,

  async find(manager: EntityManager, id: string): Promise<ApplicationRecord | undefined> {
    const rows = (await manager.query(`select ${COLUMNS} from applications where id = $1`, [id])) as ApplicationRecord[];
    return rows[0];
  },

  async get(manager: EntityManager, id: string): Promise<ApplicationRecord> {
    const found = await ApplicationStore.find(manager, id);
    if (!found) throw new ApplicationNotFoundError();
    return found;
  },

  /** Reads and locks the row for the rest of the transaction, so two reviewers cannot act on it at once. */
  async lock(manager: EntityManager, id: string): Promise<ApplicationRecord> {
    const rows = (await manager.query(`select ${COLUMNS} from applications where id = $1 for update`, [id])) as ApplicationRecord[];
    if (!rows[0]) throw new ApplicationNotFoundError();
    return rows[0];
  },
};
