import { MigrationInterface, QueryRunner } from 'typeorm';
import { roleNames, tenantIsolation } from './sql';

/**
 * Policy versions as tenant data (issue 11): officers draft, test, submit, approve and publish their award schedules
 * in the product instead of a developer editing `config/policies/`. The YAML text is the canonical form (the engine's
 * format, validated by the same JSON Schema); `content_hash` is its SHA-256, the same hash programs are bound to, so
 * the versions imported from the files keep the hashes existing programs hold.
 *
 * States: draft → submitted → published, or submitted → returned → (edited) → submitted. A published row can neither
 * change nor be deleted (trigger), and a policy id is published at most once per tenant. Publishing notifies
 * `policy_versions_changed` (payload: the tenant), so every API and worker process reloads that tenant's versions.
 */
export class PolicyVersions1763900012000 implements MigrationInterface {
  name = 'PolicyVersions1763900012000';

  async up(q: QueryRunner): Promise<void> {
    const { app } = roleNames();
    const statements = [
      `CREATE TABLE policy_versions (
         tenant_id text NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         policy_id text NOT NULL CHECK (policy_id ~ '^[a-z][a-z0-9-]{1,80}$'),
         state text NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'published')),
         source_text text NOT NULL CHECK (length(source_text) <= 2000000),
         cases_text text NOT NULL DEFAULT '' CHECK (length(cases_text) <= 2000000),
         content_hash char(64),
         based_on_id uuid,
         effective_from date,
         effective_to date,
         change_note text NOT NULL DEFAULT '' CHECK (length(change_note) <= 4000),
         return_reason text CHECK (return_reason IS NULL OR length(return_reason) <= 4000),
         author text NOT NULL,
         reviewer text,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         submitted_at timestamptz,
         reviewed_at timestamptz,
         published_at timestamptz,
         version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
         PRIMARY KEY (tenant_id, id),
         FOREIGN KEY (tenant_id, based_on_id) REFERENCES policy_versions(tenant_id, id),
         CHECK (effective_to IS NULL OR effective_from IS NULL OR effective_to >= effective_from),
         CHECK (state <> 'published' OR (content_hash IS NOT NULL AND published_at IS NOT NULL AND effective_from IS NOT NULL)),
         CHECK (reviewer IS NULL OR reviewer <> author OR author LIKE 'import:%')
       )`,
      `CREATE UNIQUE INDEX policy_versions_published_id ON policy_versions (tenant_id, policy_id) WHERE state = 'published'`,
      `CREATE INDEX policy_versions_by_state ON policy_versions (tenant_id, state, updated_at DESC)`,
      ...tenantIsolation('policy_versions'),
      `CREATE FUNCTION policy_versions_published_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF OLD.state = 'published' THEN
           RAISE EXCEPTION 'published policy version % of % is immutable', OLD.policy_id, OLD.tenant_id
             USING ERRCODE = 'check_violation';
         END IF;
         RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
       END $$`,
      `CREATE TRIGGER policy_versions_immutable BEFORE UPDATE OR DELETE ON policy_versions
         FOR EACH ROW EXECUTE FUNCTION policy_versions_published_immutable()`,
      `CREATE FUNCTION policy_versions_notify() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_notify('policy_versions_changed', NEW.tenant_id);
         RETURN NULL;
       END $$`,
      `CREATE TRIGGER policy_versions_published_notify AFTER INSERT OR UPDATE ON policy_versions
         FOR EACH ROW WHEN (NEW.state = 'published') EXECUTE FUNCTION policy_versions_notify()`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON policy_versions TO ${app}`,
    ];
    for (const statement of statements) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS policy_versions`);
    await q.query(`DROP FUNCTION IF EXISTS policy_versions_notify()`);
    await q.query(`DROP FUNCTION IF EXISTS policy_versions_published_immutable()`);
  }
}
