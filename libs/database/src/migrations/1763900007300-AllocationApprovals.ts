import { MigrationInterface, QueryRunner } from 'typeorm';
import { roleNames, tenantIsolation } from './sql';

/**
 * A higher authority's approval of a program's allocation (e.g. Foshan 第十三条: 报市人民政府批准后 … 拨付), recorded by
 * the program office between publicity and hand-over (libs/workflow/src/allocation-approval).
 *
 * A table of its own rather than columns on `programs`: the approval is a document with its own facts (body, 批复文号,
 * date, the list it covers, who recorded it), most programs never have one, and it is a fact once recorded — the app
 * role may insert and read it but never change or delete it, which a column on the much-updated programs row could not
 * express. The primary key (tenant_id, program_id) makes "one approval per program" hold even under concurrent requests.
 * `approved_on` is a CST calendar date; `application_ids` is the approved list the approval covers, so hand-over can
 * check that it pays exactly what was approved.
 */
export class AllocationApprovals1763900007300 implements MigrationInterface {
  name = 'AllocationApprovals1763900007300';

  async up(q: QueryRunner): Promise<void> {
    const { app } = roleNames();
    const statements = [
      `CREATE TABLE program_allocation_approvals (
         tenant_id text NOT NULL REFERENCES tenants(id),
         program_id uuid NOT NULL,
         approved_by text NOT NULL CHECK (length(btrim(approved_by)) BETWEEN 1 AND 200),
         document_no text NOT NULL CHECK (length(btrim(document_no)) BETWEEN 1 AND 100),
         approved_on date NOT NULL,
         approved_total_fen bigint NOT NULL CHECK (approved_total_fen >= 0),
         application_ids uuid[] NOT NULL,
         article text NOT NULL,
         source text NOT NULL,
         note text CHECK (note IS NULL OR length(note) <= 2000),
         recorded_by text NOT NULL,
         recorded_at timestamptz NOT NULL,
         PRIMARY KEY (tenant_id, program_id),
         FOREIGN KEY (tenant_id, program_id) REFERENCES programs(tenant_id, id)
       )`,
      ...tenantIsolation('program_allocation_approvals'),
      `GRANT SELECT, INSERT ON program_allocation_approvals TO ${app}`,
    ];
    for (const statement of statements) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS program_allocation_approvals`);
  }
}
