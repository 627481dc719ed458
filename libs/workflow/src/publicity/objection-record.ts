import { queryRows } from '@subsidy/database';
import { EntityManager } from 'typeorm';
import { ObjectionNotFoundError } from './publicity-errors';

export interface ObjectionRecord {
  id: string;
  publicityId: string;
  applicationId: string;
  contactName: string;
  contactPhone: string | null;
  contactEmail: string | null;
  reasons: string;
  status: 'received' | 'upheld' | 'dismissed';
  outcome: string | null;
  resolvedAt: Date | null;
  createdAt: Date;
}

const COLUMNS = `id, publicity_id as "publicityId", application_id as "applicationId", contact_name as "contactName",
  contact_phone as "contactPhone", contact_email as "contactEmail", reasons, status, outcome, resolved_at as "resolvedAt", created_at as "createdAt"`;

export const ObjectionStore = {
  COLUMNS,

  async lock(manager: EntityManager, id: string): Promise<ObjectionRecord> {
    const [row] = await queryRows<ObjectionRecord>(manager, `select ${COLUMNS} from objections where id = $1 for update`, [id]);
    if (!row) throw new ObjectionNotFoundError();
    return row;
  },

  async list(manager: EntityManager, filter: { status: string | null }): Promise<ObjectionRecord[]> {
    return queryRows<ObjectionRecord>(
      manager,
      `select ${COLUMNS} from objections where ($1::text is null or status = $1) order by created_at, id`,
      [filter.status],
    );
  },
};
