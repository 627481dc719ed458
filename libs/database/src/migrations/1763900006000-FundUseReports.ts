import { MigrationInterface, QueryRunner } from 'typeorm';
import { roleNames, tenantIsolation } from './sql';

/**
 * Use-of-funds reports (资金使用情况报告 / 绩效评价): one obligation per paid award, created in the transaction that
 * confirms the award's first payment (libs/finance/src/evaluation). `paid_on` and `due_on` are CST calendar dates;
 * `received_on`/`received_by` stay null until the report arrives. Not deletable by the app role: an obligation, once
 * owed, is a fact.
 */
export class FundUseReports1763900006000 implements MigrationInterface {
  name = 'FundUseReports1763900006000';

  async up(q: QueryRunner): Promise<void> {
    const { app } = roleNames();
    const statements = [
      `CREATE TABLE fund_use_reports (
         tenant_id text NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         program_id uuid NOT NULL,
         application_id uuid NOT NULL,
         organization_id uuid NOT NULL,
         award_id uuid NOT NULL,
         paid_on date NOT NULL,
         due_on date NOT NULL,
         received_on date,
         received_by text,
         note text CHECK (note IS NULL OR length(note) <= 2000),
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (tenant_id, id),
         UNIQUE (tenant_id, award_id),
         FOREIGN KEY (tenant_id, award_id) REFERENCES finance_awards(tenant_id, id),
         FOREIGN KEY (tenant_id, program_id) REFERENCES programs(tenant_id, id),
         FOREIGN KEY (tenant_id, application_id) REFERENCES applications(tenant_id, id),
         FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations(tenant_id, id),
         CHECK (due_on >= paid_on),
         CHECK ((received_on IS NULL) = (received_by IS NULL))
       )`,
      `CREATE INDEX fund_use_reports_by_program ON fund_use_reports (tenant_id, program_id, due_on)`,
      ...tenantIsolation('fund_use_reports'),
      `GRANT SELECT, INSERT, UPDATE ON fund_use_reports TO ${app}`,
    ];
    for (const statement of statements) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS fund_use_reports`);
  }
}
