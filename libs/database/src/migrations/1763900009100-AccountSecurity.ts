import { MigrationInterface, QueryRunner } from 'typeorm';
import { roleNames, tenantIsolation } from './sql';

const ROLES_BEFORE = `'platform_admin', 'program_officer', 'district_reviewer', 'technical_reviewer', 'expert', 'finance_officer', 'applicant'`;

/**
 * Account security (libs/auth/README.md):
 * - the `tenant_admin` role, who manages a tenant's staff accounts and holds no deciding or paying power;
 * - segregation of duties in the schema itself: a staff account belongs to a person, named by their e-mail address
 *   (`person_key`, compared lower-case), and one person never holds two different duties (administering, deciding,
 *   paying) through active accounts of one tenant. An exclusion constraint decides, so two concurrent creations cannot
 *   both slip through. An installation where one address already holds two duties stops here, naming the conflict;
 *   that conflict has to be resolved (deactivate one of the accounts) before the upgrade;
 * - one-time password-setup tokens (activation of a new account, a reset forced by an administrator), stored as
 *   SHA-256 only, so whoever creates or resets an account never learns or chooses its password;
 * - an index to end every live session of a user at once (deactivation, forced reset, password change).
 */
export class AccountSecurity1763900009100 implements MigrationInterface {
  name = 'AccountSecurity1763900009100';

  async up(q: QueryRunner): Promise<void> {
    const { app } = roleNames();
    const statements = [
      // Trusted since PostgreSQL 13: the database owner may create it. Needed for `<>` in the exclusion constraint.
      `CREATE EXTENSION IF NOT EXISTS btree_gist`,
      `ALTER TABLE users DROP CONSTRAINT users_role_check`,
      `ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN (${ROLES_BEFORE}, 'tenant_admin'))`,
      `ALTER TABLE users ADD COLUMN person_key text GENERATED ALWAYS AS (lower(btrim(email))) STORED`,
      `ALTER TABLE users ADD COLUMN duty text GENERATED ALWAYS AS (
         CASE role WHEN 'tenant_admin' THEN 'administer' WHEN 'program_officer' THEN 'decide' WHEN 'finance_officer' THEN 'pay' END
       ) STORED`,
      `ALTER TABLE users ADD CONSTRAINT users_segregation_of_duties
         EXCLUDE USING gist (tenant_id WITH =, person_key WITH =, duty WITH <>) WHERE (active AND duty IS NOT NULL)`,
      `CREATE INDEX refresh_tokens_user_live ON refresh_tokens (tenant_id, user_id) WHERE revoked_at IS NULL`,
      `CREATE TABLE password_setup_tokens (
         tenant_id text NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         user_id uuid NOT NULL,
         purpose text NOT NULL CHECK (purpose IN ('activation', 'reset')),
         token_hash char(64) NOT NULL,
         expires_at timestamptz NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         created_by text NOT NULL,
         used_at timestamptz,
         revoked_at timestamptz,
         PRIMARY KEY (tenant_id, id),
         UNIQUE (tenant_id, token_hash),
         FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id),
         CHECK (used_at IS NULL OR revoked_at IS NULL)
       )`,
      `CREATE INDEX password_setup_tokens_open ON password_setup_tokens (tenant_id, user_id) WHERE used_at IS NULL AND revoked_at IS NULL`,
      ...tenantIsolation('password_setup_tokens'),
      `GRANT SELECT, INSERT, UPDATE ON password_setup_tokens TO ${app}`,
    ];
    for (const statement of statements) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    const statements = [
      `DROP TABLE IF EXISTS password_setup_tokens`,
      `DROP INDEX IF EXISTS refresh_tokens_user_live`,
      `ALTER TABLE users DROP CONSTRAINT IF EXISTS users_segregation_of_duties`,
      `ALTER TABLE users DROP COLUMN IF EXISTS duty`,
      `ALTER TABLE users DROP COLUMN IF EXISTS person_key`,
      `ALTER TABLE users DROP CONSTRAINT users_role_check`,
      `ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN (${ROLES_BEFORE}))`,
    ];
    for (const statement of statements) await q.query(statement);
  }
}
