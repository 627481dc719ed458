import { EntityManager } from 'typeorm';

export const ORGANIZATION_KINDS = ['enterprise', 'institution', 'social_org', 'individual', 'service_agency'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export interface OrganizationRecord {
  tenantId: string;
  id: string;
  uscc: string;
  name: string;
  kind: OrganizationKind;
  districtCode: string;
  createdAt: string;
}

interface OrganizationRow {
  tenant_id: string;
  id: string;
  uscc: string;
  name: string;
  kind: OrganizationKind;
  district_code: string;
  created_at: Date;
}

const COLUMNS = 'tenant_id, id, uscc, name, kind, district_code, created_at';

const toRecord = (row: OrganizationRow): OrganizationRecord => ({
  tenantId: row.tenant_id,
  id: row.id,
  uscc: row.uscc,
  name: row.name,
  kind: row.kind,
  districtCode: row.district_code,
  createdAt: row.created_at.toISOString(),
});

/** Organization rows inside a TenantTransactions run (row-level security supplies the tenant). */
export const OrganizationStore = {
  async insert(manager: EntityManager, tenantId: string, org: { uscc: string; name: string; kind: OrganizationKind; districtCode: string }): Promise<OrganizationRecord> {
    const rows = (await manager.query(
      `insert into organizations (tenant_id, uscc, name, kind, district_code) values ($1, $2, $3, $4, $5) returning ${COLUMNS}`,
      [tenantId, org.uscc, org.name, org.kind, org.districtCode],
    )) as OrganizationRow[];
    return toRecord(rows[0]);
  },

  async findById(manager: EntityManager, id: string, lock = false): Promise<OrganizationRecord | undefined> {
    const rows = (await manager.query(`select ${COLUMNS} from organizations where id = $1${lock ? ' for update' : ''}`, [id])) as OrganizationRow[];
    return rows[0] && toRecord(rows[0]);
  },

  async usccExists(manager: EntityManager, uscc: string): Promise<boolean> {
    const rows = (await manager.query(`select 1 from organizations where uscc = $1`, [uscc])) as unknown[];
    return rows.length > 0;
  },

  /** Every organization, or only one district's when `districtCode` is given. */
  async list(manager: EntityManager, districtCode: string | null): Promise<OrganizationRecord[]> {
    const rows = (await manager.query(
      `select ${COLUMNS} from organizations where ($1::text is null or district_code = $1) order by name, id`,
      [districtCode],
    )) as OrganizationRow[];
    return rows.map(toRecord);
  },

  /** One page of the organizations (of one district when `district` is given) matching the filters, and the count of all that match. */
  async page(
    manager: EntityManager,
    district: string | null,
    filter: { q?: string; status?: string; kind?: string; districtCode?: string; orderBy: string; limit: number; offset: number },
  ): Promise<{ rows: OrganizationRecord[]; total: number }> {
    const where = `from organizations where ($1::text is null or district_code = $1) and ($2::text is null or district_code = $2)
      and ($3::text is null or registration_status = $3) and ($4::text is null or kind = $4)
      and ($5::text is null or strpos(lower(name), lower($5)) > 0 or strpos(upper(uscc), upper($5)) > 0)`;
    const params = [district, filter.districtCode ?? null, filter.status ?? null, filter.kind ?? null, filter.q ?? null];
    const rows = (await manager.query(`select ${COLUMNS} ${where} order by ${filter.orderBy} limit $6 offset $7`, [...params, filter.limit, filter.offset])) as OrganizationRow[];
    const [count] = (await manager.query(`select count(*)::int as total ${where}`, params)) as Array<{ total: number }>;
    return { rows: rows.map(toRecord), total: count?.total ?? 0 };
  },

  async rename(manager: EntityManager, id: string, name: string): Promise<void> {
    // No RETURNING: TypeORM wraps an UPDATE's rows as [rows, count], unlike an INSERT's; the caller re-reads instead.
    await manager.query(`update organizations set name = $2 where id = $1`, [id, name]);
  },

  async countUsers(manager: EntityManager, id: string): Promise<number> {
    const rows = (await manager.query(`select count(*)::int as n from users where organization_id = $1`, [id])) as Array<{ n: number }>;
    return rows[0].n;
  },

  /** Removes the organization with its invitations (which cannot outlive it). */
  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`delete from organization_invitations where organization_id = $1`, [id]);
    await manager.query(`delete from organizations where id = $1`, [id]);
  },
};
