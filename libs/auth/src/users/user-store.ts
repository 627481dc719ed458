import { Role } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { toUserRecord, USER_COLUMNS, UserRecord, UserRow } from './user-record';

export interface NewUser {
  username: string;
  displayName: string;
  email: string | null;
  passwordHash: string;
  role: Role;
  districtCode: string | null;
  financeLevel: 'city' | 'district' | null;
  organizationId: string | null;
}

/**
 * Row access for users inside a TenantTransactions run: the tenant comes from `app.tenant_id` (row-level security),
 * so no query here filters by tenant itself except where an insert must name it.
 */
export const UserStore = {
  async findByUsername(manager: EntityManager, username: string): Promise<UserRow | undefined> {
    const rows = (await manager.query(`select ${USER_COLUMNS} from users where username = $1`, [username])) as UserRow[];
    return rows[0];
  },

  async findById(manager: EntityManager, id: string): Promise<UserRecord | undefined> {
    const rows = (await manager.query(`select ${USER_COLUMNS} from users where id = $1`, [id])) as UserRow[];
    return rows[0] && toUserRecord(rows[0]);
  },

  async usernameExists(manager: EntityManager, username: string): Promise<boolean> {
    const rows = (await manager.query(`select 1 from users where username = $1`, [username])) as unknown[];
    return rows.length > 0;
  },

  async list(manager: EntityManager): Promise<UserRecord[]> {
    const rows = (await manager.query(`select ${USER_COLUMNS} from users order by username`)) as UserRow[];
    return rows.map(toUserRecord);
  },

  async insert(manager: EntityManager, tenantId: string, user: NewUser): Promise<UserRecord> {
    const rows = (await manager.query(
      `insert into users (tenant_id, username, display_name, email, password_hash, role, district_code, finance_level, organization_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning ${USER_COLUMNS}`,
      [tenantId, user.username, user.displayName, user.email, user.passwordHash, user.role, user.districtCode, user.financeLevel, user.organizationId],
    )) as UserRow[];
    return toUserRecord(rows[0]);
  },
};
