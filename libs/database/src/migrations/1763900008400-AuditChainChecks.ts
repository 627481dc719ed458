import { MigrationInterface, QueryRunner } from 'typeorm';
import { roleNames, tenantIsolation } from './sql';

/**
 * The nightly audit-chain check's results (libs/audit/src/chain-checks): one row per tenant per China Standard Time day,
 * rewritten if the day's check runs again, so "when was this tenant's trail last known good" is one indexed read.
 * `head_seq`/`head_hash` are the verified head and exist only when the chain is intact; a broken chain names its first
 * broken record instead. `alerted_at` is when that day's alert went out, so a re-run never alerts twice.
 */
export class AuditChainChecks1763900008400 implements MigrationInterface {
  name = 'AuditChainChecks1763900008400';

  async up(q: QueryRunner): Promise<void> {
    const { app } = roleNames();
    const statements = [
      `CREATE TABLE audit_chain_checks (
         tenant_id text NOT NULL REFERENCES tenants(id),
         checked_on date NOT NULL,
         checked_at timestamptz NOT NULL,
         ok boolean NOT NULL,
         records_checked bigint NOT NULL CHECK (records_checked >= 0),
         head_seq bigint CHECK (head_seq >= 0),
         head_hash char(64),
         broken_seq bigint CHECK (broken_seq > 0),
         broken_kind text CHECK (broken_kind IN ('edited', 'missing', 'out_of_order', 'link_broken', 'head_mismatch')),
         broken_reason text CHECK (length(broken_reason) <= 2000),
         alerted_at timestamptz,
         PRIMARY KEY (tenant_id, checked_on),
         CHECK (ok = (head_seq IS NOT NULL) AND ok = (head_hash IS NOT NULL)),
         CHECK (ok = (broken_seq IS NULL) AND ok = (broken_kind IS NULL) AND ok = (broken_reason IS NULL))
       )`,
      ...tenantIsolation('audit_chain_checks'),
      `GRANT SELECT, INSERT, UPDATE ON audit_chain_checks TO ${app}`,
    ];
    for (const statement of statements) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS audit_chain_checks`);
  }
}
