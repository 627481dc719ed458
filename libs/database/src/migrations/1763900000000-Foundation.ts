import { MigrationInterface, QueryRunner } from 'typeorm';
import { roleNames, tenantIsolation } from './sql';

/**
 * Tenants, districts, users, sessions, organizations, the transactional outbox and the audit chain.
 * Every tenant-owned table leads its primary key with tenant_id so the schema can later be distributed by tenant.
 */
export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(q: QueryRunner): Promise<void> {
    const { app, relay } = roleNames();
    const run = async (statements: string[]): Promise<void> => {
      for (const statement of statements) await q.query(statement);
    };

    await run([
      `CREATE TABLE tenants (
         id text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9-]{1,62}$'),
         kind text NOT NULL DEFAULT 'government' CHECK (kind IN ('government', 'platform')),
         name_zh text NOT NULL,
         name_en text NOT NULL,
         division_code char(6) NOT NULL CHECK (division_code ~ '^[0-9]{6}$'),
         created_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE TABLE districts (
         tenant_id text NOT NULL REFERENCES tenants(id),
         code char(6) NOT NULL CHECK (code ~ '^[0-9]{6}$'),
         name_zh text NOT NULL,
         name_en text NOT NULL,
         PRIMARY KEY (tenant_id, code)
       )`,
      `CREATE TABLE organizations (
         tenant_id text NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         uscc char(18) NOT NULL,
         name text NOT NULL,
         kind text NOT NULL CHECK (kind IN ('enterprise', 'institution', 'social_org', 'individual', 'service_agency')),
         district_code char(6) NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id),
         UNIQUE (tenant_id, uscc),
         FOREIGN KEY (tenant_id, district_code) REFERENCES districts(tenant_id, code)
       )`,
      `CREATE TABLE users (
         tenant_id text NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         username text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._@-]{2,63}$'),
         display_name text NOT NULL,
         email text,
         password_hash text,
         role text NOT NULL CHECK (role IN ('platform_admin', 'program_officer', 'district_reviewer', 'technical_reviewer',
                                            'expert', 'finance_officer', 'applicant')),
         district_code char(6),
         finance_level text CHECK (finance_level IN ('city', 'district')),
         organization_id uuid,
         active boolean NOT NULL DEFAULT true,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id),
         UNIQUE (tenant_id, username),
         FOREIGN KEY (tenant_id, district_code) REFERENCES districts(tenant_id, code),
         FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations(tenant_id, id),
         CHECK (role <> 'district_reviewer' OR district_code IS NOT NULL),
         CHECK (role <> 'applicant' OR organization_id IS NOT NULL),
         CHECK (role <> 'finance_officer' OR finance_level IS NOT NULL),
         CHECK (finance_level <> 'district' OR district_code IS NOT NULL)
       )`,
      `CREATE TABLE refresh_tokens (
         tenant_id text NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         user_id uuid NOT NULL,
         family_id uuid NOT NULL,
         token_hash char(64) NOT NULL,
         expires_at timestamptz NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         used_at timestamptz,
         revoked_at timestamptz,
         PRIMARY KEY (tenant_id, id),
         FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id)
       )`,
      `CREATE INDEX refresh_tokens_family ON refresh_tokens (tenant_id, family_id)`,
      `CREATE TABLE organization_invitations (
         tenant_id text NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         organization_id uuid NOT NULL,
         email text NOT NULL,
         token_hash char(64) NOT NULL,
         invited_by uuid NOT NULL,
         expires_at timestamptz NOT NULL,
         accepted_at timestamptz,
         accepted_user_id uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id),
         UNIQUE (tenant_id, token_hash),
         FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations(tenant_id, id)
       )`,
      `CREATE TABLE outbox (
         tenant_id text NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         queue text NOT NULL,
         job_name text NOT NULL,
         payload jsonb NOT NULL,
         run_at timestamptz NOT NULL DEFAULT now(),
         created_at timestamptz NOT NULL DEFAULT now(),
         enqueued_at timestamptz,
         enqueue_count integer NOT NULL DEFAULT 0,
         completed_at timestamptz,
         PRIMARY KEY (tenant_id, id)
       )`,
      `CREATE INDEX outbox_pending ON outbox (run_at) WHERE completed_at IS NULL`,
      `CREATE TABLE audit_log (
         tenant_id text NOT NULL REFERENCES tenants(id),
         seq bigint NOT NULL CHECK (seq > 0),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         occurred_at timestamptz NOT NULL,
         actor_kind text NOT NULL,
         actor_id text NOT NULL,
         actor_role text,
         action text NOT NULL,
         entity_type text NOT NULL,
         entity_id text NOT NULL,
         reason text,
         data jsonb NOT NULL DEFAULT '{}'::jsonb,
         prev_hash char(64) NOT NULL,
         hash char(64) NOT NULL,
         PRIMARY KEY (tenant_id, seq)
       )`,
      `CREATE INDEX audit_log_entity ON audit_log (tenant_id, entity_type, entity_id)`,
      `CREATE TABLE audit_heads (
         tenant_id text NOT NULL REFERENCES tenants(id),
         seq bigint NOT NULL,
         hash char(64) NOT NULL,
         PRIMARY KEY (tenant_id)
       )`,
    ]);

    const tenantTables = ['districts', 'organizations', 'users', 'refresh_tokens', 'organization_invitations', 'outbox', 'audit_log', 'audit_heads'];
    for (const table of tenantTables) await run(tenantIsolation(table));

    await run([
      `GRANT USAGE ON SCHEMA public TO ${app}, ${relay}`,
      `GRANT SELECT ON tenants TO ${app}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON districts, organizations, users, refresh_tokens, organization_invitations TO ${app}`,
      `GRANT SELECT, INSERT, UPDATE ON outbox TO ${app}`,
      // The audit trail is append-only for the application: no UPDATE or DELETE, ever.
      `GRANT SELECT, INSERT ON audit_log TO ${app}`,
      `GRANT SELECT, INSERT, UPDATE ON audit_heads TO ${app}`,
      // The relay reads every tenant's pending outbox rows and stamps them enqueued; it can touch nothing else.
      `GRANT SELECT, UPDATE (enqueued_at, enqueue_count) ON outbox TO ${relay}`,
      `CREATE POLICY relay_reads_all ON outbox TO ${relay} USING (true) WITH CHECK (true)`,
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['audit_heads', 'audit_log', 'outbox', 'organization_invitations', 'refresh_tokens', 'users', 'organizations', 'districts', 'tenants']) {
      await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
  }
}
