import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** `{ Authorization: 'Bearer …' }`, ready for supertest's `.set()`. */
  headers: Record<string, string>;
}

/** Signs in over HTTP (POST /api/v1/auth/login) and fails the test loudly if that does not succeed. */
export async function login(app: INestApplication, user: { tenantId: string; username: string; password: string }): Promise<Session> {
  const response = await request(app.getHttpServer())
    .post('/api/v1/auth/login')
    .send({ tenant: user.tenantId, username: user.username, password: user.password });
  if (response.status !== 200) throw new Error(`login of ${user.username}@${user.tenantId} failed: ${response.status} ${JSON.stringify(response.body)}`);
  const body = response.body as { accessToken: string; refreshToken: string };
  return { accessToken: body.accessToken, refreshToken: body.refreshToken, headers: { Authorization: `Bearer ${body.accessToken}` } };
}

/**
 * Records a live sign-in (a refresh-token family, as AuthService starts one) for a user straight in the database, on a
 * superuser connection, and returns its id: the `sid` an access token minted by a test must carry, since every
 * request checks that the token's sign-in is still alive. For tests that mint tokens instead of signing in hundreds
 * of users through argon2; the refresh token itself is random and never handed out.
 */
export async function insertSession(client: Client, tenantId: string, userId: string): Promise<string> {
  const { rows } = await client.query<{ family_id: string }>(
    `insert into refresh_tokens (tenant_id, user_id, family_id, token_hash, expires_at)
     values ($1, $2, gen_random_uuid(), encode(sha256(gen_random_bytes(32)), 'hex'), now() + interval '1 day') returning family_id`,
    [tenantId, userId],
  );
  return rows[0].family_id;
}
