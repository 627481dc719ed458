import { EntityManager } from 'typeorm';

export const REGISTRATION_STATUSES = ['pending_review', 'verified', 'rejected'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Where an organization's registration stands, and who administers the organization's account. */
export interface RegistrationView {
  organizationId: string;
  status: RegistrationStatus;
  /** What the reviewer should look at, e.g. `uscc_registered_with_city` (the code names the city bureau). */
  flags: string[];
  reviewedBy: string | null;
  reviewedAt: string | null;
  /** The reason given when the registration was rejected (cleared by a later approval; the audit trail keeps it). */
  reason: string | null;
  /** The applicant account that administers the organization: its payee account and its administrator role. */
  administratorUserId: string | null;
}

export interface RegistrationListItem extends RegistrationView {
  uscc: string;
  name: string;
  kind: string;
  districtCode: string;
  createdAt: string;
}

interface RegistrationRow {
  organization_id: string;
  registration_status: RegistrationStatus;
  registration_flags: string[];
  registration_reviewed_by: string | null;
  registration_reviewed_at: Date | null;
  registration_review_reason: string | null;
  administrator_user_id: string | null;
}

const COLUMNS = `id as organization_id, registration_status, registration_flags, registration_reviewed_by, registration_reviewed_at,
  registration_review_reason, administrator_user_id`;

const toView = (row: RegistrationRow): RegistrationView => ({
  organizationId: row.organization_id,
  status: row.registration_status,
  flags: row.registration_flags,
  reviewedBy: row.registration_reviewed_by,
  reviewedAt: row.registration_reviewed_at?.toISOString() ?? null,
  reason: row.registration_review_reason,
  administratorUserId: row.administrator_user_id,
});

/** The registration columns of `organizations` (migration 1763900009300), inside a TenantTransactions run. */
export const RegistrationStore = {
  async get(manager: EntityManager, organizationId: string, lock = false): Promise<RegistrationView | undefined> {
    const rows = (await manager.query(`select ${COLUMNS} from organizations where id = $1${lock ? ' for update' : ''}`, [organizationId])) as RegistrationRow[];
    return rows[0] && toView(rows[0]);
  },

  /** A new registration: pending review, its first applicant as administrator, with what the reviewer should check. */
  async open(manager: EntityManager, organizationId: string, administratorUserId: string, flags: string[]): Promise<RegistrationView> {
    await manager.query(
      `update organizations set registration_status = 'pending_review', registration_flags = $2, administrator_user_id = $3 where id = $1`,
      [organizationId, flags, administratorUserId],
    );
    return (await RegistrationStore.get(manager, organizationId))!;
  },

  async decide(manager: EntityManager, organizationId: string, decision: { status: 'verified' | 'rejected'; by: string; at: Date; reason: string | null }): Promise<RegistrationView> {
    await manager.query(
      `update organizations
          set registration_status = $2, registration_reviewed_by = $3, registration_reviewed_at = $4,
              registration_review_reason = $5
        where id = $1`,
      [organizationId, decision.status, decision.by, decision.at, decision.reason],
    );
    return (await RegistrationStore.get(manager, organizationId))!;
  },

  async setAdministrator(manager: EntityManager, organizationId: string, userId: string): Promise<void> {
    await manager.query(`update organizations set administrator_user_id = $2 where id = $1`, [organizationId, userId]);
  },

  /** Registrations in a status, oldest first; only one district's when `districtCode` is given. */
  async list(manager: EntityManager, status: RegistrationStatus, districtCode: string | null): Promise<RegistrationListItem[]> {
    return (await RegistrationStore.page(manager, status, districtCode, { orderBy: 'created_at, id', limit: null, offset: 0 })).rows;
  },

  /** One page of the registrations in `status` (of one district when given), and how many match in all. */
  async page(
    manager: EntityManager,
    status: RegistrationStatus,
    districtCode: string | null,
    filter: { q?: string; orderBy: string; limit: number | null; offset: number },
  ): Promise<{ rows: RegistrationListItem[]; total: number }> {
    const where = `from organizations where registration_status = $1 and ($2::text is null or district_code = $2)
        and ($3::text is null or strpos(lower(name), lower($3)) > 0 or strpos(upper(uscc), upper($3)) > 0)`;
    const params = [status, districtCode, filter.q ?? null];
    const rows = (await manager.query(
      `select ${COLUMNS}, uscc, name, kind, district_code, created_at ${where} order by ${filter.orderBy} limit $4 offset $5`,
      [...params, filter.limit, filter.offset],
    )) as Array<RegistrationRow & { uscc: string; name: string; kind: string; district_code: string; created_at: Date }>;
    const [count] = (await manager.query(`select count(*)::int as total ${where}`, params)) as Array<{ total: number }>;
    return {
      rows: rows.map((row) => ({
        ...toView(row),
        uscc: row.uscc,
        name: row.name,
        kind: row.kind,
        districtCode: row.district_code,
        createdAt: row.created_at.toISOString(),
      })),
      total: count?.total ?? 0,
    };
  },
};
