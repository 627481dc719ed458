import { EntityManager } from 'typeorm';
import { queryRows } from '@subsidy/database';
import { PublicityNotFoundError } from './publicity-errors';

export interface PublicityRecord {
  id: string;
  programId: string;
  startsOn: string;
  endsOn: string;
  status: 'open' | 'closed';
  createdAt: Date;
  closedAt: Date | null;
}

const COLUMNS = `id, program_id as "programId", to_char(starts_on, 'YYYY-MM-DD') as "startsOn", to_char(ends_on, 'YYYY-MM-DD') as "endsOn",
  status, created_at as "createdAt", closed_at as "closedAt"`;

/** Row access for publicities inside a tenant transaction. */
export const PublicityStore = {
  COLUMNS,

  async find(manager: EntityManager, id: string): Promise<PublicityRecord | undefined> {
    const [row] = await queryRows<PublicityRecord>(manager, `select ${COLUMNS} from publicities where id = $1`, [id]);
    return row;
  },

  async get(manager: EntityManager, id: string): Promise<PublicityRecord> {
    const found = await PublicityStore.find(manager, id);
    if (!found) throw new PublicityNotFoundError();
    return found;
  },

  async lock(manager: EntityManager, id: string): Promise<PublicityRecord | undefined> {
    const [row] = await queryRows<PublicityRecord>(manager, `select ${COLUMNS} from publicities where id = $1 for update`, [id]);
    return row;
  },

  /** The publicity an application is (or was last) shown in. */
  async latestForProgram(manager: EntityManager, programId: string): Promise<PublicityRecord | undefined> {
    const [row] = await queryRows<PublicityRecord>(
      manager,
      `select ${COLUMNS} from publicities where program_id = $1 order by created_at desc, id desc limit 1`,
      [programId],
    );
    return row;
  },
};
