import { MigrationInterface, QueryRunner } from 'typeorm';
import { roleNames, tenantIsolation } from './sql';

/**
 * Programs, applications and their review, decision and publicity (docs/design/workflow.md). Money is bigint fen;
 * dates that the policy texts count in days are `date` (China Standard Time calendar dates); instants are timestamptz.
 */
export class Workflow1763900003000 implements MigrationInterface {
  name = 'Workflow1763900003000';

  async up(q: QueryRunner): Promise<void> {
    const { app } = roleNames();
    const run = async (statements: string[]): Promise<void> => {
      for (const statement of statements) await q.query(statement);
    };

    await run([
      `CREATE TABLE programs (
         tenant_id text NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
         title text NOT NULL,
         policy_id text NOT NULL,
         policy_hash char(64) NOT NULL,
         status text NOT NULL DEFAULT 'draft'
           CHECK (status IN ('draft', 'scheduled', 'open', 'closed', 'decided', 'publicized', 'handed_over', 'cancelled')),
         window_kind text NOT NULL CHECK (window_kind IN ('batch', 'rolling')),
         opens_at timestamptz NOT NULL,
         closes_at timestamptz NOT NULL,
         call jsonb NOT NULL,
         review jsonb NOT NULL,
         budget_total_fen bigint NOT NULL CHECK (budget_total_fen >= 0),
         budget_rule text NOT NULL CHECK (budget_rule IN ('pro_rata', 'rank_order')),
         created_by text NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         opened_at timestamptz,
         closed_at timestamptz,
         decided_at timestamptz,
         handed_over_at timestamptz,
         version integer NOT NULL DEFAULT 1,
         PRIMARY KEY (tenant_id, id),
         CHECK (closes_at > opens_at)
       )`,
      `CREATE TABLE program_funding_sources (
         tenant_id text NOT NULL REFERENCES tenants(id),
         program_id uuid NOT NULL,
         source text NOT NULL CHECK (source ~ '^(city|matching|district:[0-9]{6})$'),
         amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
         PRIMARY KEY (tenant_id, program_id, source),
         FOREIGN KEY (tenant_id, program_id) REFERENCES programs(tenant_id, id) ON DELETE CASCADE
       )`,
      `CREATE TABLE applications (
         tenant_id text NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         program_id uuid NOT NULL,
         organization_id uuid NOT NULL,
         district_code char(6) NOT NULL,
         review_level text NOT NULL DEFAULT 'district' CHECK (review_level IN ('district', 'city')),
         status text NOT NULL DEFAULT 'draft',
         stage_due_on date,
         return_stage text,
         applicant_snapshot jsonb,
         estimate jsonb,
         estimate_total_fen bigint,
         declared_at timestamptz,
         declared_by uuid,
         submitted_at timestamptz,
         submission_count integer NOT NULL DEFAULT 0,
         decided_total_fen bigint CHECK (decided_total_fen >= 0),
         rank integer,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         version integer NOT NULL DEFAULT 1,
         PRIMARY KEY (tenant_id, id),
         UNIQUE (tenant_id, program_id, organization_id),
         FOREIGN KEY (tenant_id, program_id) REFERENCES programs(tenant_id, id),
         FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations(tenant_id, id),
         FOREIGN KEY (tenant_id, district_code) REFERENCES districts(tenant_id, code)
       )`,
      `CREATE INDEX applications_by_program_status ON applications (tenant_id, program_id, status)`,
      `CREATE INDEX applications_by_district ON applications (tenant_id, district_code, status)`,
      `CREATE TABLE application_achievements (
         tenant_id text NOT NULL REFERENCES tenants(id),
         application_id uuid NOT NULL,
         achievement_id text NOT NULL CHECK (achievement_id ~ '^[A-Za-z0-9_-]{1,64}$'),
         position integer NOT NULL,
         payload jsonb NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, application_id, achievement_id),
         FOREIGN KEY (tenant_id, application_id) REFERENCES applications(tenant_id, id) ON DELETE CASCADE
       )`,
      `CREATE TABLE evidence_files (
         tenant_id text NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         application_id uuid NOT NULL,
         achievement_id text,
         material text,
         storage_key text NOT NULL,
         sha256 char(64) NOT NULL,
         mime text NOT NULL,
         size_bytes integer NOT NULL CHECK (size_bytes > 0),
         original_name text NOT NULL,
         uploaded_by uuid NOT NULL,
         uploaded_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id),
         UNIQUE (tenant_id, storage_key),
         FOREIGN KEY (tenant_id, application_id) REFERENCES applications(tenant_id, id) ON DELETE CASCADE
       )`,
      `CREATE TABLE review_steps (
         tenant_id text NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         application_id uuid NOT NULL,
         stage text NOT NULL CHECK (stage IN ('formal_check', 'district_review', 'technical_review', 'expert_review', 'decision', 'objection_review')),
         outcome text NOT NULL,
         reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
         missing jsonb NOT NULL DEFAULT '[]'::jsonb,
         due_on date,
         actor_id text NOT NULL,
         actor_role text,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id),
         FOREIGN KEY (tenant_id, application_id) REFERENCES applications(tenant_id, id)
       )`,
      `CREATE INDEX review_steps_by_application ON review_steps (tenant_id, application_id, created_at)`,
      `CREATE TABLE item_opinions (
         tenant_id text NOT NULL REFERENCES tenants(id),
         application_id uuid NOT NULL,
         achievement_id text NOT NULL,
         stage text NOT NULL CHECK (stage IN ('technical_review', 'expert_review', 'decision')),
         author_id uuid NOT NULL,
         opinion text NOT NULL CHECK (opinion IN ('support', 'reduce', 'reject')),
         amount_fen bigint CHECK (amount_fen >= 0),
         comment text,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, application_id, achievement_id, stage, author_id),
         FOREIGN KEY (tenant_id, application_id, achievement_id) REFERENCES application_achievements(tenant_id, application_id, achievement_id)
       )`,
      `CREATE TABLE expert_profiles (
         tenant_id text NOT NULL REFERENCES tenants(id),
         user_id uuid NOT NULL,
         field text,
         affiliated_usccs text[] NOT NULL DEFAULT '{}',
         active boolean NOT NULL DEFAULT true,
         PRIMARY KEY (tenant_id, user_id),
         FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id)
       )`,
      `CREATE TABLE expert_conflicts (
         tenant_id text NOT NULL REFERENCES tenants(id),
         user_id uuid NOT NULL,
         application_id uuid NOT NULL,
         reason text NOT NULL,
         declared_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, user_id, application_id),
         FOREIGN KEY (tenant_id, application_id) REFERENCES applications(tenant_id, id)
       )`,
      `CREATE TABLE panels (
         tenant_id text NOT NULL REFERENCES tenants(id),
         application_id uuid NOT NULL,
         seed text NOT NULL,
         draw jsonb NOT NULL,
         due_at timestamptz NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, application_id),
         FOREIGN KEY (tenant_id, application_id) REFERENCES applications(tenant_id, id)
       )`,
      `CREATE TABLE panel_members (
         tenant_id text NOT NULL REFERENCES tenants(id),
         application_id uuid NOT NULL,
         expert_id uuid NOT NULL,
         status text NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'declined', 'scored', 'removed')),
         round integer NOT NULL DEFAULT 0,
         score_sheet jsonb,
         score_total integer,
         scored_at timestamptz,
         PRIMARY KEY (tenant_id, application_id, expert_id),
         FOREIGN KEY (tenant_id, application_id) REFERENCES panels(tenant_id, application_id)
       )`,
      `CREATE TABLE decision_items (
         tenant_id text NOT NULL REFERENCES tenants(id),
         application_id uuid NOT NULL,
         achievement_id text NOT NULL,
         ceiling_fen bigint NOT NULL CHECK (ceiling_fen >= 0),
         basis text NOT NULL CHECK (basis IN ('fixed', 'ceiling')),
         article text,
         proposed_fen bigint NOT NULL CHECK (proposed_fen >= 0),
         decided_fen bigint NOT NULL CHECK (decided_fen >= 0 AND decided_fen <= ceiling_fen),
         reason text,
         PRIMARY KEY (tenant_id, application_id, achievement_id),
         FOREIGN KEY (tenant_id, application_id, achievement_id) REFERENCES application_achievements(tenant_id, application_id, achievement_id)
       )`,
      `CREATE TABLE publicities (
         tenant_id text NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         program_id uuid NOT NULL,
         starts_on date NOT NULL,
         ends_on date NOT NULL,
         status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
         created_at timestamptz NOT NULL DEFAULT now(),
         closed_at timestamptz,
         PRIMARY KEY (tenant_id, id),
         FOREIGN KEY (tenant_id, program_id) REFERENCES programs(tenant_id, id),
         CHECK (ends_on >= starts_on)
       )`,
      `CREATE TABLE objections (
         tenant_id text NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         publicity_id uuid NOT NULL,
         application_id uuid NOT NULL,
         contact_name text NOT NULL,
         contact_phone text,
         contact_email text,
         reasons text NOT NULL,
         status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'upheld', 'dismissed')),
         outcome text,
         resolved_at timestamptz,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id),
         FOREIGN KEY (tenant_id, publicity_id) REFERENCES publicities(tenant_id, id),
         FOREIGN KEY (tenant_id, application_id) REFERENCES applications(tenant_id, id),
         CHECK (contact_phone IS NOT NULL OR contact_email IS NOT NULL)
       )`,
      `CREATE TABLE notifications (
         tenant_id text NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         user_id uuid,
         organization_id uuid,
         email text,
         kind text NOT NULL,
         subject text NOT NULL,
         body text NOT NULL,
         entity_type text,
         entity_id text,
         created_at timestamptz NOT NULL DEFAULT now(),
         read_at timestamptz,
         email_status text NOT NULL DEFAULT 'none' CHECK (email_status IN ('none', 'pending', 'sent', 'failed')),
         PRIMARY KEY (tenant_id, id),
         CHECK (user_id IS NOT NULL OR organization_id IS NOT NULL OR email IS NOT NULL)
       )`,
      `CREATE INDEX notifications_by_user ON notifications (tenant_id, user_id, created_at)`,
      `CREATE INDEX notifications_by_organization ON notifications (tenant_id, organization_id, created_at)`,
      `CREATE TABLE idempotency_keys (
         tenant_id text NOT NULL REFERENCES tenants(id),
         actor_id text NOT NULL,
         key text NOT NULL CHECK (length(key) BETWEEN 8 AND 128),
         scope text NOT NULL,
         request_hash char(64) NOT NULL,
         status text NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'completed')),
         response_status integer,
         response_body jsonb,
         created_at timestamptz NOT NULL DEFAULT now(),
         completed_at timestamptz,
         PRIMARY KEY (tenant_id, actor_id, key)
       )`,
    ]);

    const tables = [
      'programs',
      'program_funding_sources',
      'applications',
      'application_achievements',
      'evidence_files',
      'review_steps',
      'item_opinions',
      'expert_profiles',
      'expert_conflicts',
      'panels',
      'panel_members',
      'decision_items',
      'publicities',
      'objections',
      'notifications',
      'idempotency_keys',
    ];
    for (const table of tables) await run(tenantIsolation(table));
    await run([
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ${tables.join(', ')} TO ${app}`,
      // Review history is evidence: it may be added to, never rewritten.
      `REVOKE UPDATE, DELETE ON review_steps FROM ${app}`,
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'idempotency_keys',
      'notifications',
      'objections',
      'publicities',
      'decision_items',
      'panel_members',
      'panels',
      'expert_conflicts',
      'expert_profiles',
      'item_opinions',
      'review_steps',
      'evidence_files',
      'application_achievements',
      'applications',
      'program_funding_sources',
      'programs',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
  }
}
