import { MigrationInterface, QueryRunner } from 'typeorm';
import { roleNames, tenantIsolation } from './sql';

/**
 * Official lists (issue 12, 免申即享): an officer imports a published list (领跑者 list, standards with their drafting
 * units, good-conduct certificates, TC secretariats, innovation awards); each entry is matched to an organization of
 * the tenant. One `official_lists` row per imported file, unique by (tenant, kind, file hash), so the same file imported
 * again is the same import. Its entries are `official_list_rows`, unique by (tenant, list, row key) where the key is a
 * hash of the entry's normalized content: a re-run chunk inserts nothing twice. `next_item` is the import's checkpoint,
 * committed with each chunk's rows, so a job re-delivered after losing Redis continues where the database says.
 *
 * A row is `matched` (to `organization_id`, by credit code, exact normalized name or an officer), `review` (near
 * candidates in `candidates`, for an officer), `unregistered` (re-matched when an organization registers), `rejected`
 * (unreadable, with its reason) or `dismissed` (an officer said it names none of ours). Offers will reference
 * (tenant_id, id) of a matched row. An organization matched on a list is a record that must stay: deleting it is
 * refused by the foreign key, as for its applications (DeleteOrganization answers organization_in_use).
 */
export class OfficialLists1763900012100 implements MigrationInterface {
  name = 'OfficialLists1763900012100';

  async up(q: QueryRunner): Promise<void> {
    const { app } = roleNames();
    const statements = [
      `CREATE TABLE official_lists (
         tenant_id text NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         kind text NOT NULL CHECK (kind IN ('leader_list', 'published_standard', 'good_conduct_certificate', 'tc_secretariat', 'innovation_award')),
         title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
         source_ref text NOT NULL CHECK (length(source_ref) BETWEEN 1 AND 200),
         list_date date NOT NULL,
         file_name text NOT NULL CHECK (length(file_name) <= 255),
         file_format text NOT NULL CHECK (file_format IN ('xlsx', 'csv')),
         file_sha256 char(64) NOT NULL,
         file_size bigint NOT NULL CHECK (file_size > 0),
         storage_key text NOT NULL,
         status text NOT NULL CHECK (status IN ('importing', 'completed', 'failed')),
         header_row integer,
         mapping jsonb NOT NULL DEFAULT '[]',
         items_total integer CHECK (items_total >= 0),
         next_item integer NOT NULL DEFAULT 0 CHECK (next_item >= 0),
         rows_read integer NOT NULL DEFAULT 0,
         failure text,
         created_by text NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         completed_at timestamptz,
         PRIMARY KEY (tenant_id, id),
         UNIQUE (tenant_id, kind, file_sha256)
       )`,
      `CREATE INDEX official_lists_by_date ON official_lists (tenant_id, created_at DESC)`,
      ...tenantIsolation('official_lists'),
      `CREATE TABLE official_list_rows (
         tenant_id text NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         list_id uuid NOT NULL,
         row_number integer NOT NULL CHECK (row_number >= 1),
         party_rank integer CHECK (party_rank >= 1),
         row_key char(64) NOT NULL,
         status text NOT NULL CHECK (status IN ('matched', 'review', 'unregistered', 'rejected', 'dismissed')),
         party_name text,
         credit_code text,
         name_key text,
         achievement_key char(64),
         fields jsonb NOT NULL DEFAULT '{}',
         cells jsonb,
         reason_zh text,
         reason_en text,
         organization_id uuid,
         match_method text CHECK (match_method IN ('credit_code', 'exact_name', 'officer')),
         candidates jsonb NOT NULL DEFAULT '[]',
         resolved_by text,
         resolution_note text CHECK (resolution_note IS NULL OR length(resolution_note) <= 2000),
         resolved_at timestamptz,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id),
         UNIQUE (tenant_id, list_id, row_key),
         FOREIGN KEY (tenant_id, list_id) REFERENCES official_lists(tenant_id, id),
         FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations(tenant_id, id),
         CHECK ((status = 'matched') = (organization_id IS NOT NULL)),
         CHECK (status <> 'rejected' OR (reason_zh IS NOT NULL AND reason_en IS NOT NULL)),
         CHECK (status = 'rejected' OR party_name IS NOT NULL)
       )`,
      `CREATE INDEX official_list_rows_by_list ON official_list_rows (tenant_id, list_id, status, row_number, party_rank)`,
      `CREATE INDEX official_list_rows_waiting ON official_list_rows (tenant_id, name_key) WHERE status IN ('unregistered', 'review')`,
      `CREATE INDEX official_list_rows_waiting_code ON official_list_rows (tenant_id, credit_code) WHERE status IN ('unregistered', 'review') AND credit_code IS NOT NULL`,
      `CREATE INDEX official_list_rows_review ON official_list_rows (tenant_id, created_at, id) WHERE status = 'review'`,
      `CREATE INDEX official_list_rows_by_organization ON official_list_rows (tenant_id, organization_id) WHERE organization_id IS NOT NULL`,
      ...tenantIsolation('official_list_rows'),
      `GRANT SELECT, INSERT, UPDATE ON official_lists TO ${app}`,
      `GRANT SELECT, INSERT, UPDATE ON official_list_rows TO ${app}`,
    ];
    for (const statement of statements) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS official_list_rows`);
    await q.query(`DROP TABLE IF EXISTS official_lists`);
  }
}
