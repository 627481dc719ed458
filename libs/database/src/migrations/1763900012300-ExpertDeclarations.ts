import { MigrationInterface, QueryRunner } from 'typeorm';
import { roleNames, tenantIsolation } from './sql';

/**
 * The expert's no-conflict declaration (无利益冲突声明), made before an application's documents open to them: who, when
 * and the words they confirmed. Until now the browser kept it; a record the API holds lets the API refuse documents
 * and scores without it, and shows the declaration in the audit trail. Evidence: rows are added, never changed.
 */
export class ExpertDeclarations1763900012300 implements MigrationInterface {
  name = 'ExpertDeclarations1763900012300';

  async up(q: QueryRunner): Promise<void> {
    const { app } = roleNames();
    const statements = [
      `CREATE TABLE expert_declarations (
         tenant_id text NOT NULL REFERENCES tenants(id),
         application_id uuid NOT NULL,
         expert_id uuid NOT NULL,
         statement text NOT NULL CHECK (length(statement) BETWEEN 1 AND 2000),
         declared_at timestamptz NOT NULL,
         PRIMARY KEY (tenant_id, application_id, expert_id),
         FOREIGN KEY (tenant_id, application_id) REFERENCES applications(tenant_id, id)
       )`,
      ...tenantIsolation('expert_declarations'),
      `GRANT SELECT, INSERT ON expert_declarations TO ${app}`,
    ];
    for (const statement of statements) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS expert_declarations`);
  }
}
