import { queryRows } from '@subsidy/database';
import { EntityManager } from 'typeorm';

export const RENAME_REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type RenameRequestStatus = (typeof RENAME_REQUEST_STATUSES)[number];

/** An applicant's rename of its organization, held for a program officer while an application is in the workflow. */
export interface RenameRequest {
  id: string;
  organizationId: string;
  /** The name when the request was made. */
  currentName: string;
  requestedName: string;
  status: RenameRequestStatus;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}

interface Row extends Omit<RenameRequest, 'requestedAt' | 'decidedAt'> {
  requestedAt: Date;
  decidedAt: Date | null;
}

const COLUMNS = `id, organization_id as "organizationId", current_name as "currentName", requested_name as "requestedName", status,
  requested_by as "requestedBy", requested_at as "requestedAt", decided_by as "decidedBy", decided_at as "decidedAt",
  decision_reason as "decisionReason"`;

const toRequest = (row: Row): RenameRequest => ({ ...row, requestedAt: row.requestedAt.toISOString(), decidedAt: row.decidedAt?.toISOString() ?? null });

/** Rows of `organization_rename_requests` inside a tenant transaction (row-level security supplies the tenant). */
export const RenameRequestStore = {
  async insert(
    manager: EntityManager,
    request: { tenantId: string; organizationId: string; currentName: string; requestedName: string; requestedBy: string; requestedAt: Date },
  ): Promise<RenameRequest> {
    const [row] = await queryRows<Row>(
      manager,
      `insert into organization_rename_requests (tenant_id, organization_id, current_name, requested_name, requested_by, requested_at)
       values ($1, $2, $3, $4, $5, $6) returning ${COLUMNS}`,
      [request.tenantId, request.organizationId, request.currentName, request.requestedName, request.requestedBy, request.requestedAt],
    );
    return toRequest(row);
  },

  async pendingFor(manager: EntityManager, organizationId: string): Promise<RenameRequest | undefined> {
    const [row] = await queryRows<Row>(manager, `select ${COLUMNS} from organization_rename_requests where organization_id = $1 and status = 'pending'`, [organizationId]);
    return row && toRequest(row);
  },

  /** Reads and locks one request for the rest of the transaction (so two officers cannot decide it at once). */
  async lock(manager: EntityManager, id: string): Promise<RenameRequest | undefined> {
    const [row] = await queryRows<Row>(manager, `select ${COLUMNS} from organization_rename_requests where id = $1 for update`, [id]);
    return row && toRequest(row);
  },

  /** Requests in a status, oldest first; only one organization's when `organizationId` is given. */
  async list(manager: EntityManager, filter: { status: RenameRequestStatus | null; organizationId: string | null }): Promise<RenameRequest[]> {
    const rows = await queryRows<Row>(
      manager,
      `select ${COLUMNS} from organization_rename_requests
        where ($1::text is null or status = $1) and ($2::uuid is null or organization_id = $2)
        order by requested_at, id`,
      [filter.status, filter.organizationId],
    );
    return rows.map(toRequest);
  },

  /** One page of the requests matching the filters (`orderBy` from RENAME_REQUEST_SORT), and how many match in all. */
  async page(
    manager: EntityManager,
    filter: { status: RenameRequestStatus | null; organizationId: string | null; q?: string; orderBy: string; limit: number; offset: number },
  ): Promise<{ rows: RenameRequest[]; total: number }> {
    const where = `from organization_rename_requests where ($1::text is null or status = $1) and ($2::uuid is null or organization_id = $2)
        and ($3::text is null or strpos(lower(current_name), lower($3)) > 0 or strpos(lower(requested_name), lower($3)) > 0)`;
    const params = [filter.status, filter.organizationId, filter.q ?? null];
    const rows = await queryRows<Row>(manager, `select ${COLUMNS} ${where} order by ${filter.orderBy} limit $4 offset $5`, [...params, filter.limit, filter.offset]);
    const [count] = await queryRows<{ total: number }>(manager, `select count(*)::int as total ${where}`, params);
    return { rows: rows.map(toRequest), total: count?.total ?? 0 };
  },

  async decide(manager: EntityManager, id: string, decision: { status: 'approved' | 'rejected'; decidedBy: string; decidedAt: Date; reason: string }): Promise<RenameRequest> {
    const [row] = await queryRows<Row>(
      manager,
      `update organization_rename_requests set status = $2, decided_by = $3, decided_at = $4, decision_reason = $5
        where id = $1 and status = 'pending' returning ${COLUMNS}`,
      [id, decision.status, decision.decidedBy, decision.decidedAt, decision.reason],
    );
    return toRequest(row);
  },
};
