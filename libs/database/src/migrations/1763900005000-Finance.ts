import { MigrationInterface, QueryRunner } from 'typeorm';
import { roleNames, tenantIsolation } from './sql';

/**
 * Finance (libs/finance): a double-entry ledger in bigint fen, plus the awards, cost shares, installments, payment
 * batches, bank accounts, clawbacks and sanctions that post to it. Ledger entries and lines are immutable to the
 * application role (SELECT, INSERT only): a correction is a new entry. Every entry must balance, which a deferred
 * constraint trigger checks at commit, so no transaction can leave a one-sided entry behind whatever the code does.
 */
export class Finance1763900005000 implements MigrationInterface {
  name = 'Finance1763900005000';

  async up(q: QueryRunner): Promise<void> {
    const { app } = roleNames();
    const run = async (statements: string[]): Promise<void> => {
      for (const statement of statements) await q.query(statement);
    };
    const payer = `CHECK (payer ~ '^(city|matching|district:[0-9]{6})$')`;

    await run([
      `CREATE TABLE ledger_accounts (
         tenant_id text NOT NULL REFERENCES tenants(id),
         code text NOT NULL,
         kind text NOT NULL CHECK (kind IN ('appropriation', 'budget', 'committed', 'approved', 'payable', 'paid', 'clawback_receivable', 'recovered')),
         program_id uuid NOT NULL,
         payer text NOT NULL ${payer},
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, code),
         UNIQUE (tenant_id, kind, program_id, payer),
         CHECK (code = kind || ':' || program_id::text || ':' || payer),
         FOREIGN KEY (tenant_id, program_id) REFERENCES programs(tenant_id, id)
       )`,
      `CREATE TABLE ledger_entries (
         tenant_id text NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         seq bigint GENERATED ALWAYS AS IDENTITY,
         kind text NOT NULL CHECK (kind IN ('budget_allocated', 'budget_reduced', 'award_committed', 'commitment_released',
           'share_approved', 'payment_instructed', 'payment_failed', 'payment_confirmed', 'clawback_claimed', 'clawback_received',
           'correction')),
         program_id uuid NOT NULL,
         memo text NOT NULL,
         reference jsonb NOT NULL DEFAULT '{}'::jsonb,
         corrects uuid,
         actor_id text NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id),
         FOREIGN KEY (tenant_id, program_id) REFERENCES programs(tenant_id, id),
         FOREIGN KEY (tenant_id, corrects) REFERENCES ledger_entries(tenant_id, id)
       )`,
      `CREATE INDEX ledger_entries_by_program ON ledger_entries (tenant_id, program_id, seq)`,
      `CREATE TABLE ledger_lines (
         tenant_id text NOT NULL REFERENCES tenants(id),
         entry_id uuid NOT NULL,
         line_no integer NOT NULL CHECK (line_no >= 1),
         account text NOT NULL,
         debit_fen bigint NOT NULL DEFAULT 0 CHECK (debit_fen >= 0),
         credit_fen bigint NOT NULL DEFAULT 0 CHECK (credit_fen >= 0),
         PRIMARY KEY (tenant_id, entry_id, line_no),
         CHECK ((debit_fen > 0) <> (credit_fen > 0)),
         FOREIGN KEY (tenant_id, entry_id) REFERENCES ledger_entries(tenant_id, id),
         FOREIGN KEY (tenant_id, account) REFERENCES ledger_accounts(tenant_id, code)
       )`,
      `CREATE INDEX ledger_lines_by_account ON ledger_lines (tenant_id, account)`,
      `CREATE TABLE ledger_balances (
         tenant_id text NOT NULL REFERENCES tenants(id),
         account text NOT NULL,
         debit_fen bigint NOT NULL DEFAULT 0 CHECK (debit_fen >= 0),
         credit_fen bigint NOT NULL DEFAULT 0 CHECK (credit_fen >= 0),
         updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, account),
         FOREIGN KEY (tenant_id, account) REFERENCES ledger_accounts(tenant_id, code)
       )`,
      // Checked at commit, once per inserted line: the entry the line belongs to has at least two lines and its
      // debits equal its credits. Deferred, so an entry's lines may be inserted one by one within the transaction.
      `CREATE FUNCTION ledger_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         lines integer;
         debits numeric;
         credits numeric;
       BEGIN
         SELECT count(*), coalesce(sum(debit_fen), 0), coalesce(sum(credit_fen), 0) INTO lines, debits, credits
           FROM ledger_lines WHERE tenant_id = NEW.tenant_id AND entry_id = NEW.entry_id;
         IF lines < 2 OR debits <> credits THEN
           RAISE EXCEPTION 'ledger entry % is not balanced: % line(s), debits % fen, credits % fen', NEW.entry_id, lines, debits, credits
             USING ERRCODE = '23514';
         END IF;
         RETURN NULL;
       END $$`,
      `CREATE CONSTRAINT TRIGGER ledger_lines_balanced AFTER INSERT ON ledger_lines
         DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_balanced()`,
      // An entry without lines would escape the line trigger: check entries at commit too.
      `CREATE FUNCTION ledger_entry_has_lines() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NOT EXISTS (SELECT 1 FROM ledger_lines WHERE tenant_id = NEW.tenant_id AND entry_id = NEW.id) THEN
           RAISE EXCEPTION 'ledger entry % has no lines', NEW.id USING ERRCODE = '23514';
         END IF;
         RETURN NULL;
       END $$`,
      `CREATE CONSTRAINT TRIGGER ledger_entries_have_lines AFTER INSERT ON ledger_entries
         DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_has_lines()`,

      `CREATE TABLE organization_bank_accounts (
         tenant_id text NOT NULL REFERENCES tenants(id),
         organization_id uuid NOT NULL,
         account_name text NOT NULL CHECK (length(account_name) BETWEEN 1 AND 200),
         bank_name text NOT NULL CHECK (length(bank_name) BETWEEN 1 AND 200),
         account_no text NOT NULL CHECK (account_no ~ '^[0-9]{6,34}$'),
         updated_by text NOT NULL,
         updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, organization_id),
         FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations(tenant_id, id)
       )`,
      `CREATE TABLE finance_intakes (
         tenant_id text NOT NULL REFERENCES tenants(id),
         program_id uuid NOT NULL,
         policy_id text NOT NULL,
         policy_hash char(64) NOT NULL,
         total_fen bigint NOT NULL CHECK (total_fen >= 0),
         taken_by text NOT NULL,
         taken_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, program_id),
         FOREIGN KEY (tenant_id, program_id) REFERENCES programs(tenant_id, id)
       )`,
      `CREATE TABLE finance_awards (
         tenant_id text NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         program_id uuid NOT NULL,
         application_id uuid NOT NULL,
         achievement_id text NOT NULL,
         organization_id uuid NOT NULL,
         district_code char(6) NOT NULL,
         article text,
         decided_fen bigint NOT NULL CHECK (decided_fen > 0),
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id),
         UNIQUE (tenant_id, application_id, achievement_id),
         FOREIGN KEY (tenant_id, program_id) REFERENCES finance_intakes(tenant_id, program_id),
         FOREIGN KEY (tenant_id, application_id) REFERENCES applications(tenant_id, id)
       )`,
      `CREATE TABLE finance_shares (
         tenant_id text NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         award_id uuid NOT NULL,
         program_id uuid NOT NULL,
         payer text NOT NULL ${payer},
         amount_fen bigint NOT NULL CHECK (amount_fen > 0),
         status text NOT NULL DEFAULT 'committed' CHECK (status IN ('committed', 'approved', 'held', 'released')),
         hold_reason text,
         decided_by text,
         decided_at timestamptz,
         version integer NOT NULL DEFAULT 1,
         PRIMARY KEY (tenant_id, id),
         UNIQUE (tenant_id, award_id, payer),
         FOREIGN KEY (tenant_id, award_id) REFERENCES finance_awards(tenant_id, id),
         CHECK (status <> 'held' OR hold_reason IS NOT NULL)
       )`,
      `CREATE INDEX finance_shares_by_payer ON finance_shares (tenant_id, program_id, payer, status)`,
      `CREATE TABLE finance_installments (
         tenant_id text NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         share_id uuid NOT NULL,
         seq integer NOT NULL CHECK (seq >= 1),
         condition text NOT NULL CHECK (condition ~ '^[a-z_]{1,40}$'),
         percent integer NOT NULL CHECK (percent BETWEEN 1 AND 100),
         amount_fen bigint NOT NULL CHECK (amount_fen > 0),
         status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'due', 'instructed', 'paid', 'cancelled')),
         condition_met_at timestamptz,
         condition_met_by text,
         PRIMARY KEY (tenant_id, id),
         UNIQUE (tenant_id, share_id, seq),
         FOREIGN KEY (tenant_id, share_id) REFERENCES finance_shares(tenant_id, id)
       )`,
      `CREATE TABLE payment_batches (
         tenant_id text NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         program_id uuid NOT NULL,
         payer text NOT NULL ${payer},
         status text NOT NULL DEFAULT 'instructed' CHECK (status IN ('instructed', 'partially_confirmed', 'confirmed')),
         total_fen bigint NOT NULL CHECK (total_fen > 0),
         created_by text NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id),
         FOREIGN KEY (tenant_id, program_id) REFERENCES programs(tenant_id, id)
       )`,
      `CREATE TABLE payment_batch_lines (
         tenant_id text NOT NULL REFERENCES tenants(id),
         batch_id uuid NOT NULL,
         line_no integer NOT NULL CHECK (line_no >= 1),
         installment_id uuid NOT NULL,
         amount_fen bigint NOT NULL CHECK (amount_fen > 0),
         payee_name text NOT NULL,
         payee_uscc text NOT NULL,
         bank_name text NOT NULL,
         account_no text NOT NULL,
         purpose text NOT NULL,
         article text,
         status text NOT NULL DEFAULT 'instructed' CHECK (status IN ('instructed', 'paid', 'failed')),
         bank_reference text,
         confirmed_by text,
         confirmed_at timestamptz,
         PRIMARY KEY (tenant_id, batch_id, line_no),
         UNIQUE (tenant_id, installment_id, batch_id),
         FOREIGN KEY (tenant_id, batch_id) REFERENCES payment_batches(tenant_id, id),
         FOREIGN KEY (tenant_id, installment_id) REFERENCES finance_installments(tenant_id, id)
       )`,
      `CREATE TABLE clawbacks (
         tenant_id text NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         program_id uuid NOT NULL,
         application_id uuid NOT NULL,
         organization_id uuid NOT NULL,
         reason_kind text NOT NULL CHECK (reason_kind IN ('fraud', 'misuse', 'unfinished_contract')),
         reason text NOT NULL,
         amount_fen bigint NOT NULL CHECK (amount_fen > 0),
         recovered_fen bigint NOT NULL DEFAULT 0 CHECK (recovered_fen >= 0),
         status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'recovered')),
         found_on date NOT NULL,
         created_by text NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         version integer NOT NULL DEFAULT 1,
         PRIMARY KEY (tenant_id, id),
         CHECK (recovered_fen <= amount_fen),
         FOREIGN KEY (tenant_id, application_id) REFERENCES applications(tenant_id, id)
       )`,
      `CREATE TABLE clawback_shares (
         tenant_id text NOT NULL REFERENCES tenants(id),
         clawback_id uuid NOT NULL,
         payer text NOT NULL ${payer},
         amount_fen bigint NOT NULL CHECK (amount_fen > 0),
         recovered_fen bigint NOT NULL DEFAULT 0 CHECK (recovered_fen >= 0),
         PRIMARY KEY (tenant_id, clawback_id, payer),
         CHECK (recovered_fen <= amount_fen),
         FOREIGN KEY (tenant_id, clawback_id) REFERENCES clawbacks(tenant_id, id)
       )`,
      `CREATE TABLE sanctions (
         tenant_id text NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         organization_id uuid NOT NULL,
         kind text NOT NULL CHECK (kind IN ('blacklist', 'penalty', 'investigation', 'fraud_ban')),
         on_date date NOT NULL,
         reason text NOT NULL,
         clawback_id uuid,
         created_by text NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id),
         FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations(tenant_id, id),
         FOREIGN KEY (tenant_id, clawback_id) REFERENCES clawbacks(tenant_id, id)
       )`,
      `CREATE INDEX sanctions_by_organization ON sanctions (tenant_id, organization_id)`,
    ]);

    const tables = [
      'ledger_accounts',
      'ledger_entries',
      'ledger_lines',
      'ledger_balances',
      'organization_bank_accounts',
      'finance_intakes',
      'finance_awards',
      'finance_shares',
      'finance_installments',
      'payment_batches',
      'payment_batch_lines',
      'clawbacks',
      'clawback_shares',
      'sanctions',
    ];
    for (const table of tables) await run(tenantIsolation(table));
    const mutable = tables.filter((t) => !['ledger_accounts', 'ledger_entries', 'ledger_lines', 'sanctions'].includes(t));
    await run([
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ${mutable.join(', ')} TO ${app}`,
      // The ledger is evidence: it may be added to, never rewritten. Sanctions likewise (a lifted ban is a new fact).
      `GRANT SELECT, INSERT ON ledger_accounts, ledger_entries, ledger_lines, sanctions TO ${app}`,
      `REVOKE DELETE ON ledger_balances FROM ${app}`,
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'sanctions',
      'clawback_shares',
      'clawbacks',
      'payment_batch_lines',
      'payment_batches',
      'finance_installments',
      'finance_shares',
      'finance_awards',
      'finance_intakes',
      'organization_bank_accounts',
      'ledger_balances',
      'ledger_lines',
      'ledger_entries',
      'ledger_accounts',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS ledger_entry_balanced()`);
    await q.query(`DROP FUNCTION IF EXISTS ledger_entry_has_lines()`);
  }
}
