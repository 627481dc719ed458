import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ConfigModule } from '@subsidy/config';
import { DASHBOARD_COOKIE, mountQueueDashboard, QueueModule } from '@subsidy/queue';
import request from 'supertest';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { deleteRedisKeys } from './queue-fixture';

describe('Bull Board at /api/admin/queues', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let jwt: JwtService;

  beforeAll(async () => {
    db = await createTestDatabase();
    @Module({ imports: [ConfigModule.forRoot(db.config), QueueModule] })
    class DashboardTestModule {}
    app = await NestFactory.create(DashboardTestModule, { logger: false });
    mountQueueDashboard(app, db.config);
    await app.init();
    jwt = new JwtService({ secret: db.config.auth.jwtSecret });
  });
  afterAll(async () => {
    await app.close();
    await deleteRedisKeys(db.config);
    await db.drop();
  });

  const token = (role: string, secret = db.config.auth.jwtSecret) =>
    jwt.sign({ sub: 'u-1', tid: 'platform', role }, { secret, expiresIn: 600 });

  it('refuses a request without a token', async () => {
    const response = await request(app.getHttpServer()).get('/api/admin/queues');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ code: 'unauthorized', message: 'A platform administrator access token is required', details: [] });
  });

  it('refuses a token signed with another secret, and an expired one', async () => {
    const forged = await request(app.getHttpServer()).get('/api/admin/queues').set('Authorization', `Bearer ${token('platform_admin', 'x'.repeat(40))}`);
    expect(forged.status).toBe(401);
    const expired = jwt.sign({ sub: 'u-1', role: 'platform_admin', exp: Math.floor(Date.now() / 1000) - 10 });
    const late = await request(app.getHttpServer()).get('/api/admin/queues').set('Authorization', `Bearer ${expired}`);
    expect(late.status).toBe(401);
  });

  it('refuses a correctly signed platform_admin token without exp (jsonwebtoken would take it as never expiring)', async () => {
    const forever = jwt.sign({ sub: 'u-1', tid: 'platform', role: 'platform_admin' });
    const response = await request(app.getHttpServer()).get('/api/admin/queues').set('Authorization', `Bearer ${forever}`);
    expect(response.status).toBe(401);
  });

  it('refuses every role but platform_admin', async () => {
    for (const role of ['program_officer', 'finance_officer', 'applicant']) {
      const response = await request(app.getHttpServer()).get('/api/admin/queues/api/queues').set('Authorization', `Bearer ${token(role)}`);
      expect({ role, status: response.status, code: response.body.code }).toEqual({ role, status: 403, code: 'forbidden' });
    }
  });

  it('serves the dashboard and its API to a platform admin, and lets the page continue with a path-scoped cookie', async () => {
    const page = await request(app.getHttpServer()).get('/api/admin/queues').set('Authorization', `Bearer ${token('platform_admin')}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^${DASHBOARD_COOKIE}=[^;]+; Path=/api/admin/queues; HttpOnly; SameSite=Strict; Max-Age=\\d+`));

    // The page's assets are relative to <base href="/api/admin/queues/">.
    const src = /<script[^>]+src="([^"]+)"/.exec(page.text)?.[1];
    expect(src).toMatch(/^static\//);
    const script = `/api/admin/queues/${src}`;
    const asset = await request(app.getHttpServer()).get(script!).set('Cookie', cookie.split(';')[0]);
    expect(asset.status).toBe(200);
    const withoutCookie = await request(app.getHttpServer()).get(script!);
    expect(withoutCookie.status).toBe(401);

    const api = await request(app.getHttpServer()).get('/api/admin/queues/api/queues').set('Cookie', cookie.split(';')[0]);
    expect(api.status).toBe(200);
    const names = (api.body.queues as Array<{ name: string }>).map((q) => q.name).sort();
    expect(names).toEqual(['finance', 'lists', 'maintenance', 'notifications', 'workflow']);
  });
});
