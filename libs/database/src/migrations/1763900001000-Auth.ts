import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lookups the auth and organizations modules make on every refresh, invitation acceptance and organization deletion:
 * by token hash (unique, so a collision can never resolve to the wrong session) and by organization membership.
 */
export class Auth1763900001000 implements MigrationInterface {
  name = 'Auth1763900001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX refresh_tokens_token_hash ON refresh_tokens (tenant_id, token_hash)`);
    await q.query(`CREATE INDEX users_organization ON users (tenant_id, organization_id) WHERE organization_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS users_organization`);
    await q.query(`DROP INDEX IF EXISTS refresh_tokens_token_hash`);
  }
}
