import { queryRows } from '@subsidy/database';
import { EntityManager } from 'typeorm';
import { PolicyVersionNotFoundError } from '../policy-version-errors';

export type PolicyVersionState = 'draft' | 'submitted' | 'returned' | 'published';
export const POLICY_VERSION_STATES: readonly PolicyVersionState[] = ['draft', 'submitted', 'returned', 'published'];

/** Author of the versions imported from config/policies (libs/policy-versions/src/store/import-policy-files.ts). */
export const IMPORTED_PREFIX = 'import:';

export interface PolicyVersionRow {
  id: string;
  policyId: string;
  state: PolicyVersionState;
  sourceText: string;
  casesText: string;
  contentHash: string | null;
  basedOnId: string | null;
  basedOnPolicyId: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  changeNote: string;
  returnReason: string | null;
  author: string;
  authorName: string | null;
  reviewer: string | null;
  reviewerName: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
  version: number;
}

const SELECT = `
  select v.id::text as id, v.policy_id as "policyId", v.state, v.source_text as "sourceText", v.cases_text as "casesText",
         trim(v.content_hash) as "contentHash", v.based_on_id::text as "basedOnId", b.policy_id as "basedOnPolicyId",
         to_char(v.effective_from, 'YYYY-MM-DD') as "effectiveFrom", to_char(v.effective_to, 'YYYY-MM-DD') as "effectiveTo",
         v.change_note as "changeNote", v.return_reason as "returnReason", v.author, ua.display_name as "authorName",
         v.reviewer, ur.display_name as "reviewerName",
         to_char(v.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
         to_char(v.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "updatedAt",
         to_char(v.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "submittedAt",
         to_char(v.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "publishedAt",
         v.version
    from policy_versions v
    left join policy_versions b on b.tenant_id = v.tenant_id and b.id = v.based_on_id
    left join users ua on ua.tenant_id = v.tenant_id and ua.id::text = v.author
    left join users ur on ur.tenant_id = v.tenant_id and ur.id::text = v.reviewer`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Raw SQL over policy_versions, always inside a tenant transaction (row-level security keeps other tenants out). */
export const PolicyVersionRows = {
  async find(manager: EntityManager, id: string, lock = false): Promise<PolicyVersionRow | undefined> {
    if (!UUID.test(id)) return undefined;
    if (lock) await manager.query(`select 1 from policy_versions where id = $1 for update`, [id]);
    const [row] = await queryRows<PolicyVersionRow>(manager, `${SELECT} where v.id = $1`, [id]);
    return row;
  },

  async get(manager: EntityManager, id: string, lock = false): Promise<PolicyVersionRow> {
    const row = await PolicyVersionRows.find(manager, id, lock);
    if (!row) throw new PolicyVersionNotFoundError();
    return row;
  },

  /** `orderBy` comes from POLICY_VERSION_SORT (a whitelist), never from the request itself. */
  async page(manager: EntityManager, filter: { state?: PolicyVersionState; policyId?: string; orderBy?: string; limit: number; offset: number }): Promise<{ rows: PolicyVersionRow[]; total: number }> {
    const where = `($1::text is null or v.state = $1) and ($2::text is null or v.policy_id = $2)`;
    const params = [filter.state ?? null, filter.policyId ?? null];
    const rows = await queryRows<PolicyVersionRow>(manager, `${SELECT} where ${where} order by ${filter.orderBy ?? 'v.updated_at desc, v.id'} limit $3 offset $4`, [...params, filter.limit, filter.offset]);
    const [{ n }] = await queryRows<{ n: number }>(manager, `select count(*)::int as n from policy_versions v where ${where}`, params);
    return { rows, total: n };
  },

  /** The tenant's published versions (all columns), oldest validity first. */
  async published(manager: EntityManager): Promise<PolicyVersionRow[]> {
    return queryRows<PolicyVersionRow>(manager, `${SELECT} where v.state = 'published' order by v.effective_from, v.policy_id`);
  },

  async publishedWithId(manager: EntityManager, policyId: string): Promise<PolicyVersionRow | undefined> {
    const [row] = await queryRows<PolicyVersionRow>(manager, `${SELECT} where v.state = 'published' and v.policy_id = $1`, [policyId]);
    return row;
  },

  async insert(
    manager: EntityManager,
    tenantId: string,
    values: { policyId: string; sourceText: string; casesText: string; basedOnId: string | null; effectiveFrom: string | null; effectiveTo: string | null; changeNote: string; author: string; now: Date },
  ): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      manager,
      `insert into policy_versions (tenant_id, policy_id, state, source_text, cases_text, based_on_id, effective_from, effective_to, change_note, author, created_at, updated_at)
       values ($1, $2, 'draft', $3, $4, $5, $6, $7, $8, $9, $10, $10) returning id::text as id`,
      [tenantId, values.policyId, values.sourceText, values.casesText, values.basedOnId, values.effectiveFrom, values.effectiveTo, values.changeNote, values.author, values.now],
    );
    return row.id;
  },

  /** Saves a draft's content; false when its version moved on (optimistic lock). */
  async saveContent(
    manager: EntityManager,
    id: string,
    version: number,
    values: { sourceText: string; casesText: string; changeNote: string; effectiveFrom: string | null; effectiveTo: string | null; now: Date },
  ): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `update policy_versions set source_text = $3, cases_text = $4, change_note = $5, effective_from = $6, effective_to = $7, updated_at = $8, version = version + 1
        where id = $1 and version = $2 and state in ('draft', 'returned') returning id`,
      [id, version, values.sourceText, values.casesText, values.changeNote, values.effectiveFrom, values.effectiveTo, values.now],
    );
    return rows.length === 1;
  },

  /** Moves the state (and the columns that go with the step); false when its version moved on. */
  async transition(
    manager: EntityManager,
    id: string,
    version: number,
    from: PolicyVersionState,
    to: PolicyVersionState,
    set: { now: Date; reviewer?: string; returnReason?: string | null; contentHash?: string; effectiveFrom?: string; effectiveTo?: string | null },
  ): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `update policy_versions
          set state = $4, updated_at = $5, version = version + 1,
              submitted_at = case when $4 = 'submitted' then $5 else submitted_at end,
              reviewed_at = case when $4 in ('published', 'returned') then $5 else reviewed_at end,
              published_at = case when $4 = 'published' then $5 else published_at end,
              reviewer = coalesce($6::text, reviewer),
              return_reason = case when $4 = 'returned' then $7::text else return_reason end,
              content_hash = coalesce($8::text, content_hash),
              effective_from = coalesce($9::date, effective_from),
              effective_to = case when $8::text is null then effective_to else $10::date end
        where id = $1 and version = $2 and state = $3 returning id`,
      [id, version, from, to, set.now, set.reviewer ?? null, set.returnReason ?? null, set.contentHash ?? null, set.effectiveFrom ?? null, set.effectiveTo ?? null],
    );
    return rows.length === 1;
  },
};
