import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registration review and payee-account control (issue 9, items 7 and 10).
 *
 * organizations: a self-registration is `pending_review` until its district's reviewer or a program officer approves
 * it (`verified`) or rejects it with a reason; `registration_flags` keeps what the reviewer should check (a credit code
 * registered by the city bureau). Organizations that exist already were accepted under the old rules and stay usable:
 * the column is added with default `verified` (filling every existing row) and the default is then switched to
 * `pending_review`, so any row inserted from now on without a decision starts unverified. `administrator_user_id` is
 * the applicant account that alone changes the payee account; existing organizations get their earliest applicant.
 *
 * organization_bank_accounts.version counts the account's values (1 = as first set). finance_shares.payee_account_version
 * is the version the payer's officer approved the share against (null: no account yet then). A batch line whose payee's
 * account was replaced since is written `held_account_changed` and is not instructed until a finance officer confirms the
 * new account for that line (`account_confirmed_*`); `account_version` is the version the line carries.
 */
export class RegistrationReviewAndPayeeAccounts1763900009300 implements MigrationInterface {
  name = 'RegistrationReviewAndPayeeAccounts1763900009300';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE organizations
         ADD COLUMN registration_status text NOT NULL DEFAULT 'verified' CHECK (registration_status IN ('pending_review', 'verified', 'rejected')),
         ADD COLUMN registration_flags text[] NOT NULL DEFAULT '{}',
         ADD COLUMN registration_reviewed_by text,
         ADD COLUMN registration_reviewed_at timestamptz,
         ADD COLUMN registration_review_reason text CHECK (registration_review_reason IS NULL OR length(registration_review_reason) BETWEEN 1 AND 2000),
         ADD COLUMN administrator_user_id uuid,
         ADD CONSTRAINT organizations_rejection_has_reason CHECK (registration_status <> 'rejected' OR registration_review_reason IS NOT NULL),
         ADD CONSTRAINT organizations_administrator_fkey FOREIGN KEY (tenant_id, administrator_user_id) REFERENCES users(tenant_id, id)`,
      `ALTER TABLE organizations ALTER COLUMN registration_status SET DEFAULT 'pending_review'`,
      `CREATE INDEX organizations_by_registration_status ON organizations (tenant_id, registration_status, district_code)`,

      `ALTER TABLE organization_bank_accounts ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1)`,
      `ALTER TABLE finance_shares ADD COLUMN payee_account_version integer CHECK (payee_account_version IS NULL OR payee_account_version >= 1)`,
      `ALTER TABLE payment_batch_lines DROP CONSTRAINT payment_batch_lines_status_check`,
      `ALTER TABLE payment_batch_lines
         ADD CONSTRAINT payment_batch_lines_status_check CHECK (status IN ('instructed', 'paid', 'failed', 'held_account_changed')),
         ADD COLUMN account_version integer,
         ADD COLUMN account_confirmed_by text,
         ADD COLUMN account_confirmed_at timestamptz`,
    ];
    for (const statement of statements) await q.query(statement);

    // Row-level security is forced even for the owner: back-fill administrators tenant by tenant.
    const tenants = (await q.query(`SELECT id FROM tenants ORDER BY id`)) as Array<{ id: string }>;
    for (const tenant of tenants) {
      await q.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.id]);
      await q.query(
        `UPDATE organizations o SET administrator_user_id = (
           SELECT u.id FROM users u WHERE u.tenant_id = o.tenant_id AND u.organization_id = o.id AND u.role = 'applicant'
            ORDER BY u.active DESC, u.created_at, u.id LIMIT 1)
          WHERE o.administrator_user_id IS NULL`,
      );
    }
    await q.query(`SELECT set_config('app.tenant_id', '', true)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE payment_batch_lines DROP COLUMN IF EXISTS account_confirmed_at, DROP COLUMN IF EXISTS account_confirmed_by, DROP COLUMN IF EXISTS account_version`);
    await q.query(`ALTER TABLE payment_batch_lines DROP CONSTRAINT IF EXISTS payment_batch_lines_status_check`);
    await q.query(`ALTER TABLE payment_batch_lines ADD CONSTRAINT payment_batch_lines_status_check CHECK (status IN ('instructed', 'paid', 'failed'))`);
    await q.query(`ALTER TABLE finance_shares DROP COLUMN IF EXISTS payee_account_version`);
    await q.query(`ALTER TABLE organization_bank_accounts DROP COLUMN IF EXISTS version`);
    await q.query(`DROP INDEX IF EXISTS organizations_by_registration_status`);
    await q.query(
      `ALTER TABLE organizations DROP CONSTRAINT IF EXISTS organizations_administrator_fkey, DROP CONSTRAINT IF EXISTS organizations_rejection_has_reason,
         DROP COLUMN IF EXISTS administrator_user_id, DROP COLUMN IF EXISTS registration_review_reason, DROP COLUMN IF EXISTS registration_reviewed_at,
         DROP COLUMN IF EXISTS registration_reviewed_by, DROP COLUMN IF EXISTS registration_flags, DROP COLUMN IF EXISTS registration_status`,
    );
  }
}
