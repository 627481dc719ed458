import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** The Content-Security-Policy header as directive → sources. */
function policyOf(response: request.Response): Map<string, string[]> {
  const header = response.headers['content-security-policy'];
  expect(typeof header).toBe('string');
  return new Map(
    (header as string)
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0] !== '')
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe('content security policy: strict everywhere, relaxed for the Swagger UI only', () => {
  let db: TestDatabase;
  let app: INestApplication;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it.each([
    ['the health check', '/health', 200],
    ['a public API list', '/api/v1/public/tenants/nowhere/publicities', 404],
    ['a signed-in API route without a token', '/api/v1/applications', 401],
    ['an unknown route', '/api/v1/no-such-thing', 404],
    ['the queue dashboard', '/api/admin/queues', 401],
    ['a path that only starts like the docs', '/api/docsx', 404],
  ])("%s (%s) gets script-src 'self' without 'unsafe-inline'", async (_what, path, status) => {
    const response = await http().get(path).expect(status);
    const policy = policyOf(response);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('script-src-attr')).toEqual(["'none'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    // Helmet's default lets inline style attributes through (harmless without script), never inline script.
    expect(policy.get('style-src')).toEqual(["'self'", 'https:', "'unsafe-inline'"]);
    // The evidence preview shows a file fetched with the token from a blob: URL: images and PDF frames, nothing more.
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy.get('frame-src')).toEqual(["'self'", 'blob:']);
  });

  it.each([
    ['the Swagger UI page', '/api/docs/', 'text/html'],
    ['its start-up script', '/api/docs/swagger-ui-init.js', 'javascript'],
    ['the OpenAPI document', '/api/docs/openapi.json', 'json'],
  ])("%s (%s) may run inline scripts and styles", async (_what, path, type) => {
    const response = await http().get(path).expect(200);
    expect(response.headers['content-type']).toContain(type);
    const policy = policyOf(response);
    expect(policy.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    // Everything else stays as strict as elsewhere.
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'self'"]);
  });

  it('keeps the other security headers on both kinds of route', async () => {
    for (const path of ['/health', '/api/docs/']) {
      const response = await http().get(path);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['strict-transport-security']).toBeDefined();
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });
});
