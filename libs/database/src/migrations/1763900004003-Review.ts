import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Expert review outcome on the panel: the combined rubric score (hundredths of a point, combined by the program's
 * method) and when the officer completed the review.
 */
export class Review1763900004003 implements MigrationInterface {
  name = 'Review1763900004003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE panels ADD COLUMN combined_score integer CHECK (combined_score >= 0), ADD COLUMN completed_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE panels DROP COLUMN IF EXISTS completed_at, DROP COLUMN IF EXISTS combined_score`);
  }
}
