import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A claimed Idempotency-Key holds a lease while its request runs (issue 15, "faults that lose or double nothing"): the
 * API process renews it every third of its length, so a claim whose process died stops being renewed and the next
 * request with the key takes it over once the lease has run out, instead of getting 409 `idempotency_in_progress`.
 * Null for answered keys and for claims written before this column; those fall back to the old fixed window.
 */
export class IdempotencyLeases1763900012500 implements MigrationInterface {
  name = 'IdempotencyLeases1763900012500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_keys ADD COLUMN lease_expires_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_keys DROP COLUMN IF EXISTS lease_expires_at`);
  }
}
