import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

describe('HTTP surface', () => {
  let db: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('reports database, Redis and outbox health', async () => {
    const response = await request(app.getHttpServer()).get('/health').expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.checks.database.status).toBe('up');
    expect(response.body.checks.redis.status).toBe('up');
    expect(response.body.checks.outbox).toMatchObject({ status: 'up', pending: 0 });
  });

  it('serves the OpenAPI document and the Swagger UI', async () => {
    const doc = await request(app.getHttpServer()).get('/api/docs/openapi.json').expect(200);
    expect(doc.body.info.title).toBe('Subsidy Hub API');
    expect(doc.body.paths['/health']).toBeDefined();
    const ui = await request(app.getHttpServer()).get('/api/docs/').expect(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it('answers malformed JSON with 400 malformed_json and no stack trace', async () => {
    const response = await request(app.getHttpServer()).post('/api/v1/auth/login').set('content-type', 'application/json').send('{"tenant": ').expect(400);
    expect(response.body).toMatchObject({ code: 'malformed_json', details: [{ path: '' }] });
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('answers unknown routes in the common error shape, echoing the request id', async () => {
    const response = await request(app.getHttpServer()).get('/api/v1/no-such-thing').set('x-request-id', 'req-123').expect(404);
    expect(response.body).toEqual({ code: 'not_found', message: expect.any(String), details: [], requestId: 'req-123' });
    expect(response.headers['x-request-id']).toBe('req-123');
  });

  it('sets security headers', async () => {
    const response = await request(app.getHttpServer()).get('/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});
