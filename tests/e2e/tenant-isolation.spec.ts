import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { createOrganization, createTenant, createUser, login, OrganizationFixture, Session, TenantFixture, UserFixture } from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * Two tenants side by side: every endpoint is tried by tenant A's users against tenant B's rows, and B's rows must
 * come out byte-for-byte unchanged. A completeness check fails when an endpoint is added without being listed here.
 */
describe('tenant isolation through every endpoint', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let a: TenantFixture;
  let b: TenantFixture;
  let aOfficer: UserFixture;
  let aApplicant: UserFixture;
  let bOfficer: UserFixture;
  let bOrg: OrganizationFixture;
  let bEmptyOrg: OrganizationFixture;
  let aOfficerSession: Session;
  let aApplicantSession: Session;
  let bInvitationToken: string;
  let bRefreshToken: string;

  /** Every table that carries a tenant_id, read from the catalogue so a new table is covered without editing this test. */
  async function tenantTables(): Promise<string[]> {
    const su = await db.superuser();
    try {
      const { rows } = await su.query<{ table_name: string }>(
        `select table_name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id' order by table_name`,
      );
      return rows.map((r) => r.table_name);
    } finally {
      await su.end();
    }
  }

  async function snapshotOf(tenantId: string): Promise<string> {
    const tables = await tenantTables();
    const su = await db.superuser();
    try {
      const parts: unknown[] = [];
      for (const table of tables) {
        const { rows } = await su.query(`select to_jsonb(t) as row from ${table} t where tenant_id = $1 order by to_jsonb(t)::text`, [tenantId]);
        parts.push({ table, rows: rows.map((r: { row: unknown }) => r.row) });
      }
      return JSON.stringify(parts);
    } finally {
      await su.end();
    }
  }

  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config);
    a = await createTenant(db);
    b = await createTenant(db);
    const aOrg = await createOrganization(db, { tenantId: a.id, districtCode: a.districtCodes[0] });
    bOrg = await createOrganization(db, { tenantId: b.id, districtCode: b.districtCodes[0] });
    bEmptyOrg = await createOrganization(db, { tenantId: b.id, districtCode: b.districtCodes[1] });
    aOfficer = await createUser(db, { tenantId: a.id, role: 'program_officer' });
    aApplicant = await createUser(db, { tenantId: a.id, role: 'applicant', organizationId: aOrg.id });
    bOfficer = await createUser(db, { tenantId: b.id, role: 'program_officer' });
    const bApplicant = await createUser(db, { tenantId: b.id, role: 'applicant', organizationId: bOrg.id });
    aOfficerSession = await login(app, aOfficer);
    aApplicantSession = await login(app, aApplicant);
    const bApplicantSession = await login(app, bApplicant);
    bRefreshToken = (await login(app, bOfficer)).refreshToken;
    const invitation = await http()
      .post(`/api/v1/organizations/${bOrg.id}/invitations`)
      .set(bApplicantSession.headers)
      .send({ email: 'colleague@example.com' })
      .expect(201);
    bInvitationToken = invitation.body.token;
    expect(typeof bInvitationToken).toBe('string');
  });

  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  interface Attempt {
    route: string;
    run: () => Promise<request.Response>;
    /** Statuses that mean "refused without touching B": never a 2xx. */
    expected: number[];
  }

  const attempts = (): Attempt[] => [
    { route: 'get /api/v1/organizations/{id}', run: () => http().get(`/api/v1/organizations/${bOrg.id}`).set(aOfficerSession.headers), expected: [404] },
    { route: 'patch /api/v1/organizations/{id}', run: () => http().patch(`/api/v1/organizations/${bOrg.id}`).set(aOfficerSession.headers).send({ name: 'Hijacked Co.' }), expected: [404] },
    { route: 'patch /api/v1/organizations/{id}', run: () => http().patch(`/api/v1/organizations/${bOrg.id}`).set(aApplicantSession.headers).send({ name: 'Hijacked Co.' }), expected: [403, 404] },
    { route: 'delete /api/v1/organizations/{id}', run: () => http().delete(`/api/v1/organizations/${bEmptyOrg.id}`).set(aOfficerSession.headers), expected: [404] },
    { route: 'post /api/v1/organizations/{id}/invitations', run: () => http().post(`/api/v1/organizations/${bOrg.id}/invitations`).set(aApplicantSession.headers).send({ email: 'x@example.com' }), expected: [403, 404] },
    { route: 'post /api/v1/tenants/{tenantId}/calculations', run: () => http().post(`/api/v1/tenants/${b.id}/calculations`).set(aOfficerSession.headers).send({ applicationDate: '2024-03-20', programYear: 2024, applicants: [] }), expected: [403] },
    { route: 'post /api/v1/users', run: () => http().post('/api/v1/users').set({ ...aOfficerSession.headers, 'X-Tenant-Id': b.id }).send({ username: 'intruder', displayName: 'Intruder', password: 'long-enough-password', role: 'program_officer' }), expected: [403] },
    { route: 'get /api/v1/users', run: () => http().get('/api/v1/users').set({ ...aOfficerSession.headers, 'X-Tenant-Id': b.id }), expected: [403] },
    { route: 'get /api/v1/organizations', run: () => http().get('/api/v1/organizations').set({ ...aOfficerSession.headers, 'X-Tenant-Id': b.id }), expected: [403] },
    { route: 'get /api/v1/auth/me', run: () => http().get('/api/v1/auth/me').set({ ...aOfficerSession.headers, 'X-Tenant-Id': b.id }), expected: [403] },
    { route: 'post /api/v1/auth/login', run: () => http().post('/api/v1/auth/login').send({ tenant: b.id, username: aOfficer.username, password: aOfficer.password }), expected: [401] },
    { route: 'post /api/v1/auth/refresh', run: () => http().post('/api/v1/auth/refresh').send({ tenant: a.id, refreshToken: bRefreshToken }), expected: [401] },
    { route: 'post /api/v1/auth/logout', run: () => http().post('/api/v1/auth/logout').send({ tenant: a.id, refreshToken: bRefreshToken }), expected: [204, 401] },
    { route: 'post /api/v1/invitations/accept', run: () => http().post('/api/v1/invitations/accept').send({ tenant: a.id, token: bInvitationToken, username: 'sneaky', displayName: 'Sneaky', password: 'long-enough-password' }), expected: [400, 404] },
  ];

  /** Endpoints that hold no tenant rows of their own or only create rows in the caller's own tenant. */
  const NOT_TENANT_DATA = ['get /health', 'post /api/v1/organizations/register'];

  it('covers every endpoint in the OpenAPI document', async () => {
    const doc = await http().get('/api/docs/openapi.json').expect(200);
    const routes = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`));
    const covered = new Set([...attempts().map((x) => x.route), ...NOT_TENANT_DATA]);
    expect(routes.filter((r) => !covered.has(r))).toEqual([]);
  });

  it("refuses every attempt by tenant A on tenant B's rows and leaves them unchanged", async () => {
    const before = await snapshotOf(b.id);
    const unexpected: string[] = [];
    for (const attempt of attempts()) {
      const response = await attempt.run();
      if (!attempt.expected.includes(response.status)) unexpected.push(`${attempt.route}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    expect(unexpected).toEqual([]);
    expect(await snapshotOf(b.id)).toBe(before);
  });

  it("never lists tenant B's rows to tenant A", async () => {
    const orgs = await http().get('/api/v1/organizations').set(aOfficerSession.headers).expect(200);
    const users = await http().get('/api/v1/users').set(aOfficerSession.headers).expect(200);
    const text = JSON.stringify([orgs.body, users.body]);
    for (const id of [bOrg.id, bEmptyOrg.id, bOrg.uscc, bOfficer.id, bOfficer.username, b.id]) expect(text).not.toContain(id);
    expect(text).toContain(aOfficer.id);
  });

  it('tenant B still works normally after the attempts', async () => {
    const session = await login(app, bOfficer);
    const response = await http().get(`/api/v1/organizations/${bOrg.id}`).set(session.headers).expect(200);
    expect(response.body.name).toBe(bOrg.name);
  });

  it('shows the application role no tenant rows at all when no tenant is set', async () => {
    const tables = await tenantTables();
    const appRole = await db.appRole();
    const su = await db.superuser();
    try {
      for (const table of tables) {
        const seen = await appRole.query(`select count(*)::int as n from ${table}`);
        const exist = await su.query(`select count(*)::int as n from ${table}`);
        expect({ table, seen: seen.rows[0].n }).toEqual({ table, seen: 0 });
        if (['organizations', 'users', 'audit_log'].includes(table)) expect(exist.rows[0].n).toBeGreaterThan(0);
      }
    } finally {
      await appRole.end();
      await su.end();
    }
  });
});
