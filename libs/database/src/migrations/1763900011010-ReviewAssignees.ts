import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An explicit holder of an application's current review stage (issue 13, "no stage waits silently"): a district review
 * is by default anybody of the district's reviewers and a technical review any technical reviewer; when the program
 * officer reassigns the work to one person (`POST /applications/:id/reassign`), that person holds it instead, until the
 * application leaves the stage (the move clears the column).
 */
export class ReviewAssignees1763900011010 implements MigrationInterface {
  name = 'ReviewAssignees1763900011010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications
      ADD COLUMN review_assignee_id uuid,
      ADD CONSTRAINT applications_review_assignee_fk FOREIGN KEY (tenant_id, review_assignee_id) REFERENCES users(tenant_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications DROP CONSTRAINT IF EXISTS applications_review_assignee_fk, DROP COLUMN IF EXISTS review_assignee_id`);
  }
}
