import { INestApplication } from '@nestjs/common';
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
