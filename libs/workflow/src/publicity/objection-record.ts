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

  /** One page of the objections matching the filters (`orderBy` from OBJECTION_SORT), and how many match in all. */
  async page(
    manager: EntityManager,
    filter: { status?: string; publicityId?: string; applicationId?: string; orderBy: string; limit: number; offset: number },
  ): Promise<{ rows: ObjectionRecord[]; total: number }> {
    const where = `from objections where ($1::text is null or status = $1) and ($2::uuid is null or publicity_id = $2)
      and ($3::uuid is null or application_id = $3)`;
    const params = [filter.status ?? null, filter.publicityId ?? null, filter.applicationId ?? null];
    const rows = await queryRows<ObjectionRecord>(manager, `select ${COLUMNS} ${where} order by ${filter.orderBy} limit $4 offset $5`, [...params, filter.limit, filter.offset]);
    const [count] = await queryRows<{ total: number }>(manager, `select count(*)::int as total ${where}`, params);
    return { rows, total: count?.total ?? 0 };
  },
};
