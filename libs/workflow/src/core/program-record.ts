import { EntityManager } from 'typeorm';
import { ReviewSettings } from './review-settings';
import { ProgramNotFoundError } from './workflow-errors';

export type ProgramStatus = 'draft' | 'scheduled' | 'open' | 'closed' | 'decided' | 'publicized' | 'handed_over' | 'cancelled';

/** What the call for applications says: stored as the program's `call` JSON. */
export interface CallSettings {
  title: string;
  body: string;
  /** Materials required per achievement type, e.g. { standard: ['标准文本', '发布公告'] }. */
  materials: Record<string, string[]>;
  receivingOffice?: string;
}

export interface ProgramRecord {
  tenantId: string;
  id: string;
  year: number;
  title: string;
  policyId: string;
  policyHash: string;
  status: ProgramStatus;
  windowKind: 'batch' | 'rolling';
  opensAt: Date;
  closesAt: Date;
  call: CallSettings;
  review: ReviewSettings;
  budgetTotalFen: string;
  budgetRule: 'pro_rata' | 'rank_order';
  version: number;
}

const COLUMNS = `tenant_id as "tenantId", id, year, title, policy_id as "policyId", policy_hash as "policyHash", status,
  window_kind as "windowKind", opens_at as "opensAt", closes_at as "closesAt", call, review,
  budget_total_fen::text as "budgetTotalFen", budget_rule as "budgetRule", version`;

/** Row access for programs inside a tenant transaction. Money leaves the database as text: bigint never meets a float. */
export const ProgramStore = {
  COLUMNS,

  async find(manager: EntityManager, id: string): Promise<ProgramRecord | undefined> {
    const rows = (await manager.query(`select ${COLUMNS} from programs where id = $1`, [id])) as ProgramRecord[];
    return rows[0];
  },

  async get(manager: EntityManager, id: string): Promise<ProgramRecord> {
    const found = await ProgramStore.find(manager, id);
    if (!found) throw new ProgramNotFoundError();
    return found;
  },

  async lock(manager: EntityManager, id: string): Promise<ProgramRecord> {
    const rows = (await manager.query(`select ${COLUMNS} from programs where id = $1 for update`, [id])) as ProgramRecord[];
    if (!rows[0]) throw new ProgramNotFoundError();
    return rows[0];
  },
};
