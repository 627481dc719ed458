import { queryRows } from '@subsidy/database';
import { Role } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { dutyOf, personKeyOf } from './segregation-of-duties';
import { ListedUser, toUserRecord, USER_COLUMNS, UserRecord, UserRow } from './user-record';

export interface NewUser {
  username: string;
  displayName: string;
  email: string | null;
  /** null: the account has no password until its owner sets one through a password-setup token. */
  passwordHash: string | null;
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

  /** The row with its password hash, locked for the rest of the transaction (account changes serialise per user). */
  async lockRow(manager: EntityManager, id: string): Promise<UserRow | undefined> {
    const rows = (await manager.query(`select ${USER_COLUMNS} from users where id = $1 for update`, [id])) as UserRow[];
    return rows[0];
  },

  async usernameExists(manager: EntityManager, username: string): Promise<boolean> {
    const rows = (await manager.query(`select 1 from users where username = $1`, [username])) as unknown[];
    return rows.length > 0;
  },

  async list(manager: EntityManager): Promise<UserRecord[]> {
    const rows = (await manager.query(`select ${USER_COLUMNS} from users order by username`)) as UserRow[];
    return rows.map(toUserRecord);
  },

  /** One page of the accounts matching the filters (`orderBy` from USER_SORT), and how many match in all. */
  async page(
    manager: EntityManager,
    filter: { role?: Role; active?: boolean; q?: string; staffOnly?: boolean; orderBy: string; limit: number; offset: number },
  ): Promise<{ rows: ListedUser[]; total: number }> {
    const where = `from users where ($1::text is null or role = $1) and ($2::boolean is null or active = $2)
      and ($3::text is null or strpos(lower(username), lower($3)) > 0 or strpos(lower(display_name), lower($3)) > 0
           or strpos(lower(coalesce(email, '')), lower($3)) > 0)
      and (not $4::boolean or role <> 'applicant')`;
    const params = [filter.role ?? null, filter.active ?? null, filter.q ?? null, filter.staffOnly ?? false];
    // The district's name, so the administrator's list reads 环翠区 rather than a code.
    const rows = await queryRows<UserRow & { district_name: string | null }>(
      manager,
      `select ${USER_COLUMNS}, (select d.name_zh from districts d where d.code = users.district_code) as district_name
         ${where} order by ${filter.orderBy} limit $5 offset $6`,
      [...params, filter.limit, filter.offset],
    );
    const [count] = await queryRows<{ total: number }>(manager, `select count(*)::int as total ${where}`, params);
    return { rows: rows.map((row) => ({ ...toUserRecord(row), districtName: row.district_name })), total: count?.total ?? 0 };
  },

  async insert(manager: EntityManager, tenantId: string, user: NewUser): Promise<UserRecord> {
    const rows = (await manager.query(
      `insert into users (tenant_id, username, display_name, email, password_hash, role, district_code, finance_level, organization_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning ${USER_COLUMNS}`,
      [tenantId, user.username, user.displayName, user.email, user.passwordHash, user.role, user.districtCode, user.financeLevel, user.organizationId],
    )) as UserRow[];
    return toUserRecord(rows[0]);
  },

  async setActive(manager: EntityManager, id: string, active: boolean): Promise<UserRecord> {
    const [row] = await queryRows<UserRow>(manager, `update users set active = $2 where id = $1 returning ${USER_COLUMNS}`, [id, active]);
    return toUserRecord(row);
  },

  async setEmail(manager: EntityManager, id: string, email: string): Promise<void> {
    await manager.query(`update users set email = $2 where id = $1`, [id, email]);
  },

  /** null clears the password: nobody can sign in until the owner sets a new one with a password-setup token. */
  async setPasswordHash(manager: EntityManager, id: string, passwordHash: string | null): Promise<void> {
    await manager.query(`update users set password_hash = $2 where id = $1`, [id, passwordHash]);
  },

  /**
   * An active account of the same person (by e-mail) holding another duty than `role` gives, if any: what the
   * exclusion constraint `users_segregation_of_duties` would refuse, found first so the answer can name it.
   */
  async findDutyConflict(manager: EntityManager, email: string | null, role: Role, exceptUserId: string | null): Promise<{ username: string; role: Role } | undefined> {
    const personKey = personKeyOf(email);
    const duty = dutyOf(role);
    if (!personKey || !duty) return undefined;
    const rows = await queryRows<{ username: string; role: Role }>(
      manager,
      `select username, role from users
        where person_key = $1 and active and duty is not null and duty <> $2 and ($3::uuid is null or id <> $3::uuid)
        order by username limit 1`,
      [personKey, duty, exceptUserId],
    );
    return rows[0];
  },
};
