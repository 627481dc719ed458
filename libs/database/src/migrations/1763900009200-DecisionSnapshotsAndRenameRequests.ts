import { MigrationInterface, QueryRunner } from 'typeorm';
import { roleNames, tenantIsolation } from './sql';

/**
 * The public record may not be rewritten afterwards (docs: issue 9, items 5 and 6).
 *
 * 1. Decision snapshots. `applications.decided_organization_name` / `decided_organization_uscc` hold who was decided,
 *    as the organization read when the program office decided; `decision_items.policy_label` (the names of the policy
 *    items the engine priced the achievement under, e.g. "国家标准 主持制定"), `standard_no` and `achievement_label`
 *    (the applicant's own reference: standard number, title or name) hold what was decided. The publicity, the
 *    decision and approved lists, hand-over and finance read these, never the live organization row, so renaming an
 *    organization later leaves every published list as it was. Rows decided before this migration are backfilled from
 *    the current values; their policy label stays null (the policy files are not readable here), and readers then show
 *    the achievement label, as they did before.
 * 2. `organization_rename_requests`: while an organization has an application in the workflow, an applicant's rename
 *    becomes a request a program officer approves or rejects (libs/organizations/src/rename-requests). One pending
 *    request per organization (partial unique index), so two concurrent renames cannot both wait.
 *
 * The backfill runs per tenant with `app.tenant_id` set, since every table here forces row-level security even for
 * its owner.
 */
export class DecisionSnapshotsAndRenameRequests1763900009200 implements MigrationInterface {
  name = 'DecisionSnapshotsAndRenameRequests1763900009200';

  async up(q: QueryRunner): Promise<void> {
    const { app } = roleNames();
    const schema = [
      `ALTER TABLE applications
         ADD COLUMN decided_organization_name text,
         ADD COLUMN decided_organization_uscc char(18)`,
      `ALTER TABLE decision_items
         ADD COLUMN policy_label text,
         ADD COLUMN standard_no text,
         ADD COLUMN achievement_label text`,
      `CREATE TABLE organization_rename_requests (
         tenant_id text NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         organization_id uuid NOT NULL,
         current_name text NOT NULL,
         requested_name text NOT NULL CHECK (length(btrim(requested_name)) BETWEEN 1 AND 200),
         status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
         requested_by text NOT NULL,
         requested_at timestamptz NOT NULL,
         decided_by text,
         decided_at timestamptz,
         decision_reason text CHECK (decision_reason IS NULL OR length(btrim(decision_reason)) BETWEEN 1 AND 2000),
         PRIMARY KEY (tenant_id, id),
         FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations(tenant_id, id) ON DELETE CASCADE,
         CHECK ((status = 'pending') = (decided_by IS NULL) AND (status = 'pending') = (decided_at IS NULL) AND (status = 'pending') = (decision_reason IS NULL))
       )`,
      `CREATE UNIQUE INDEX organization_rename_requests_one_pending ON organization_rename_requests (tenant_id, organization_id) WHERE status = 'pending'`,
      `CREATE INDEX organization_rename_requests_by_status ON organization_rename_requests (tenant_id, status, requested_at)`,
      ...tenantIsolation('organization_rename_requests'),
      `GRANT SELECT, INSERT, UPDATE ON organization_rename_requests TO ${app}`,
    ];
    for (const statement of schema) await q.query(statement);

    await backfillDecisionSnapshots(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS organization_rename_requests`);
    await q.query(`ALTER TABLE decision_items DROP COLUMN IF EXISTS policy_label, DROP COLUMN IF EXISTS standard_no, DROP COLUMN IF EXISTS achievement_label`);
    await q.query(`ALTER TABLE applications DROP COLUMN IF EXISTS decided_organization_name, DROP COLUMN IF EXISTS decided_organization_uscc`);
  }
}

/**
 * Fills the snapshots of rows decided before they existed, from the current values, tenant by tenant (row-level
 * security is forced even for the owner). Runs in the caller's transaction; touches only rows still without one.
 */
export async function backfillDecisionSnapshots(q: { query(sql: string, parameters?: unknown[]): Promise<unknown> }): Promise<void> {
  const tenants = (await q.query(`select id from tenants order by id`)) as Array<{ id: string }>;
  for (const tenant of tenants) {
    await q.query(`select set_config('app.tenant_id', $1, true)`, [tenant.id]);
    await q.query(
      `update applications a
          set decided_organization_name = o.name, decided_organization_uscc = o.uscc
         from organizations o
        where o.tenant_id = a.tenant_id and o.id = a.organization_id and a.decided_organization_name is null
          and exists (select 1 from decision_items i where i.tenant_id = a.tenant_id and i.application_id = a.id)`,
    );
    await q.query(
      `update decision_items i
          set standard_no = nullif(btrim(aa.payload->>'standardNo'), ''),
              achievement_label = coalesce(nullif(btrim(aa.payload->>'standardNo'), ''), nullif(btrim(aa.payload->>'title'), ''),
                                           nullif(btrim(aa.payload->>'name'), ''), i.achievement_id)
         from application_achievements aa
        where aa.tenant_id = i.tenant_id and aa.application_id = i.application_id and aa.achievement_id = i.achievement_id
          and i.achievement_label is null`,
    );
  }
  await q.query(`select set_config('app.tenant_id', '', true)`);
}
