import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@subsidy/config';
import Redis from 'ioredis';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { ADDRESS_FREE_MULTIPLIER } from '@subsidy/auth';
import { createApp } from '../../apps/api/src/create-app';
import { asSuperuser, createOrganization, createTenant, createUser, ensurePlatformTenant, login, TenantFixture, UserFixture } from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const MAX_FAILURES = 3;
const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

describe('auth over HTTP', () => {
  let db: TestDatabase;
  let config: AppConfig;
  let app: INestApplication;
  let redis: Redis;
  let alpha: TenantFixture;
  let beta: TenantFixture;
  let officer: UserFixture;
  let reviewer: UserFixture;
  let applicant: UserFixture;
  let admin: UserFixture;
  let tenantAdmin: UserFixture;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    config = { ...db.config, auth: { ...db.config.auth, loginMaxFailures: MAX_FAILURES } };
    app = await createApp(config);
    redis = new Redis(config.redis.url);
    alpha = await createTenant(db);
    beta = await createTenant(db);
    await ensurePlatformTenant(db);
    officer = await createUser(db, { tenantId: alpha.id, role: 'program_officer' });
    reviewer = await createUser(db, { tenantId: alpha.id, role: 'district_reviewer', districtCode: '370102' });
    const org = await createOrganization(db, { tenantId: alpha.id, districtCode: '370102' });
    applicant = await createUser(db, { tenantId: alpha.id, role: 'applicant', organizationId: org.id });
    admin = await createUser(db, { tenantId: 'platform', role: 'platform_admin' });
    tenantAdmin = await createUser(db, { tenantId: alpha.id, role: 'tenant_admin', email: 'admin@alpha.example.cn' });
    await createUser(db, { tenantId: beta.id, role: 'program_officer', username: 'beta-officer' });
  });

  /** Every test starts with no failed sign-ins counted (all requests share one client address). */
  beforeEach(async () => {
    const keys = await redis.keys(`${config.redis.prefix}:auth:login:*`);
    if (keys.length) await redis.del(...keys);
  });

  afterAll(async () => {
    await app?.close();
    await redis?.quit();
    await db?.drop();
  });

  const loginBody = (user: UserFixture, password = user.password) => ({ tenant: user.tenantId, username: user.username, password });

  describe('login', () => {
    it('issues an access token with the user claims and a refresh token', async () => {
      const response = await http().post('/api/v1/auth/login').send(loginBody(reviewer)).expect(200);
      expect(response.body).toMatchObject({
        tokenType: 'Bearer',
        expiresIn: config.auth.accessTtlSeconds,
        refreshToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        user: { id: reviewer.id, username: reviewer.username, role: 'district_reviewer', districtCode: '370102', tenantId: alpha.id },
      });
      expect(response.body.user.passwordHash).toBeUndefined();
      const claims = new JwtService({}).decode(response.body.accessToken) as Record<string, unknown>;
      expect(claims).toMatchObject({ sub: reviewer.id, tid: alpha.id, role: 'district_reviewer', district: '370102', fin: null, org: null });
      expect(Number(claims.exp) - Number(claims.iat)).toBe(config.auth.accessTtlSeconds);

      const me = await http().get('/api/v1/auth/me').set('Authorization', `Bearer ${response.body.accessToken}`).expect(200);
      expect(me.body).toMatchObject({ id: reviewer.id, username: reviewer.username, actingTenantId: alpha.id });
    });

    it('stores only the SHA-256 of the refresh token', async () => {
      const response = await http().post('/api/v1/auth/login').send(loginBody(officer)).expect(200);
      const rows = await asSuperuser(db, (c) => c.query(`select token_hash from refresh_tokens where user_id = $1`, [officer.id]));
      const hashes = rows.rows.map((r: { token_hash: string }) => r.token_hash);
      expect(hashes).not.toContain(response.body.refreshToken);
      expect(hashes).toContain(sha256(response.body.refreshToken));
    });

    it('accepts the username in any case', async () => {
      await http().post('/api/v1/auth/login').send({ ...loginBody(officer), username: officer.username.toUpperCase() }).expect(200);
    });

    it('answers a wrong password, an unknown user and an unknown tenant with the same 401', async () => {
      const bodies = [
        loginBody(officer, 'wrong-password-123'),
        { tenant: alpha.id, username: 'nobody-here', password: officer.password },
        { tenant: 'no-such-tenant', username: officer.username, password: officer.password },
        { tenant: beta.id, username: officer.username, password: officer.password },
      ];
      for (const body of bodies) {
        const response = await http().post('/api/v1/auth/login').send(body).expect(401);
        const { requestId: _requestId, ...rest } = response.body as Record<string, unknown>;
        expect(rest).toEqual({ code: 'invalid_credentials', message: '所选地区、用户名或密码不正确', details: [] });
      }
    });

    it('refuses a deactivated account like a wrong password', async () => {
      const inactive = await createUser(db, { tenantId: alpha.id, role: 'expert', active: false });
      const response = await http().post('/api/v1/auth/login').send(loginBody(inactive)).expect(401);
      expect(response.body.code).toBe('invalid_credentials');
    });

    it(`delays the account from this address after ${MAX_FAILURES} failures, even for the right password, without locking it`, async () => {
      const victim = await createUser(db, { tenantId: alpha.id, role: 'expert' });
      for (let i = 0; i < MAX_FAILURES; i += 1) {
        await http().post('/api/v1/auth/login').send(loginBody(victim, `wrong-${i}-password`)).expect(401);
      }
      const delayed = await http().post('/api/v1/auth/login').send(loginBody(victim)).expect(429);
      expect(delayed.body.code).toBe('login_delayed');
      // The first delay past the free failures is one second (growth and cap: accounts-login-delays.spec.ts).
      expect(delayed.headers['retry-after']).toBe('1');
      // Other accounts are unaffected.
      await http().post('/api/v1/auth/login').send(loginBody(officer)).expect(200);
    });

    it('resets the account counter on success', async () => {
      const user = await createUser(db, { tenantId: alpha.id, role: 'expert' });
      for (let round = 0; round < 2; round += 1) {
        for (let i = 0; i < MAX_FAILURES - 1; i += 1) await http().post('/api/v1/auth/login').send(loginBody(user, 'wrong-password-x')).expect(401);
        await http().post('/api/v1/auth/login').send(loginBody(user)).expect(200);
      }
    });

    it('delays a client address that fails across many accounts', async () => {
      const ipBudget = MAX_FAILURES * ADDRESS_FREE_MULTIPLIER;
      for (let i = 0; i < ipBudget; i += 1) {
        await http().post('/api/v1/auth/login').send({ tenant: alpha.id, username: `sprayed-${i}`, password: 'Password123!' }).expect(401);
      }
      const response = await http().post('/api/v1/auth/login').send(loginBody(officer)).expect(429);
      expect(response.body.code).toBe('login_delayed');
    });

    it('rejects unknown fields, over-long values and malformed JSON with 400 naming the problem', async () => {
      const unknown = await http().post('/api/v1/auth/login').send({ ...loginBody(officer), remember: true }).expect(400);
      expect(unknown.body).toMatchObject({ code: 'validation_failed', details: [{ path: 'remember' }] });
      const long = await http().post('/api/v1/auth/login').send({ ...loginBody(officer), username: 'a'.repeat(65) }).expect(400);
      expect(long.body.details).toEqual([{ path: 'username', message: expect.stringContaining('64') }]);
      const missing = await http().post('/api/v1/auth/login').send({ username: 'x', password: 'y' }).expect(400);
      expect(missing.body.details.map((d: { path: string }) => d.path)).toContain('tenant');
      const malformed = await http().post('/api/v1/auth/login').set('content-type', 'application/json').send('{"tenant": "alpha",').expect(400);
      expect(malformed.body.code).toBe('malformed_json');
    });
  });

  describe('refresh and logout', () => {
    const refresh = (tenant: string, refreshToken: string) => http().post('/api/v1/auth/refresh').send({ tenant, refreshToken });

    const stored = async (token: string) =>
      (await asSuperuser(db, (c) => c.query(`select family_id, used_at, revoked_at from refresh_tokens where token_hash = $1`, [sha256(token)]))).rows[0] as {
        family_id: string;
        used_at: Date | null;
        revoked_at: Date | null;
      };

    it('rotates: each refresh token works once and yields a new pair in the same family', async () => {
      const first = await login(app, officer);
      const second = await refresh(alpha.id, first.refreshToken).expect(200);
      expect(second.body.refreshToken).not.toBe(first.refreshToken);
      await http().get('/api/v1/auth/me').set('Authorization', `Bearer ${second.body.accessToken}`).expect(200);
      const third = await refresh(alpha.id, second.body.refreshToken).expect(200);
      const [a, b, c] = await Promise.all([first.refreshToken, second.body.refreshToken, third.body.refreshToken].map(stored));
      expect(new Set([a.family_id, b.family_id, c.family_id]).size).toBe(1);
      expect([a.used_at !== null, b.used_at !== null, c.used_at !== null]).toEqual([true, true, false]);
      expect(c.revoked_at).toBeNull();
    });

    it('lets only one of two concurrent refreshes with the same token win', async () => {
      const session = await login(app, officer);
      const statuses = (await Promise.all([refresh(alpha.id, session.refreshToken), refresh(alpha.id, session.refreshToken)])).map((r) => r.status);
      expect(statuses.sort()).toEqual([200, 401]);
    });

    it('treats reuse of a rotated token as theft: the whole family is revoked and audited', async () => {
      const session = await login(app, reviewer);
      const rotated = await refresh(alpha.id, session.refreshToken).expect(200);
      const reuse = await refresh(alpha.id, session.refreshToken).expect(401);
      expect(reuse.body.code).toBe('refresh_token_invalid');
      // The legitimate holder's newer token is dead too.
      await refresh(alpha.id, rotated.body.refreshToken).expect(401);
      const rows = await asSuperuser(db, (c) =>
        c.query(`select revoked_at from refresh_tokens where family_id = (select family_id from refresh_tokens where token_hash = encode(sha256($1::bytea), 'hex'))`, [
          session.refreshToken,
        ]),
      );
      expect(rows.rowCount).toBe(2);
      expect(rows.rows.every((r: { revoked_at: Date | null }) => r.revoked_at !== null)).toBe(true);
      const audit = await asSuperuser(db, (c) => c.query(`select entity_id from audit_log where tenant_id = $1 and action = 'auth.refresh_token_reused'`, [alpha.id]));
      expect(audit.rows).toContainEqual({ entity_id: reviewer.id });
    });

    it('refuses unknown tokens, tokens of another tenant and expired tokens', async () => {
      const session = await login(app, officer);
      await refresh(alpha.id, 'x'.repeat(43)).expect(401);
      await refresh(beta.id, session.refreshToken).expect(401);
      await asSuperuser(db, (c) => c.query(`update refresh_tokens set expires_at = now() - interval '1 second' where token_hash = encode(sha256($1::bytea), 'hex')`, [session.refreshToken]));
      await refresh(alpha.id, session.refreshToken).expect(401);
    });

    it('logout revokes the family of the presented token', async () => {
      const session = await login(app, officer);
      await http().post('/api/v1/auth/logout').send({ tenant: alpha.id, refreshToken: session.refreshToken }).expect(204);
      const response = await refresh(alpha.id, session.refreshToken).expect(401);
      expect(response.body.code).toBe('refresh_token_invalid');
      // Logging out twice is harmless.
      await http().post('/api/v1/auth/logout').send({ tenant: alpha.id, refreshToken: session.refreshToken }).expect(204);
    });
  });

  describe('access token guard', () => {
    const signed = (secret: string, claims: Record<string, unknown>) => new JwtService({ secret }).sign(claims, { algorithm: 'HS256' });
    const claimsOf = (user: UserFixture) => ({ sub: user.id, tid: user.tenantId, role: user.role, district: user.districtCode, fin: null, org: user.organizationId });

    it('requires a token on protected routes', async () => {
      const response = await http().get('/api/v1/auth/me').expect(401);
      expect(response.body.code).toBe('unauthenticated');
    });

    it('refuses an expired token with access_token_expired', async () => {
      const token = signed(config.auth.jwtSecret, { ...claimsOf(officer), exp: Math.floor(Date.now() / 1000) - 10 });
      const response = await http().get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
      expect(response.body.code).toBe('access_token_expired');
    });

    it('refuses a token signed with another secret, an unsigned token and garbage', async () => {
      const forged = signed('another-secret-that-is-long-enough-0123456789', { ...claimsOf(officer), role: 'platform_admin' });
      const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ ...claimsOf(officer), exp: Math.floor(Date.now() / 1000) + 60 })}.`;
      for (const token of [forged, unsigned, 'not.a.token']) {
        const response = await http().get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
        expect(response.body.code).toBe('access_token_invalid');
      }
    });

    it('refuses a correctly signed token whose claims are malformed', async () => {
      const token = signed(config.auth.jwtSecret, { ...claimsOf(officer), role: 'superuser' });
      const response = await http().get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
      expect(response.body.code).toBe('access_token_invalid');
    });
  });

  describe('roles and tenants', () => {
    it('lets administrators manage staff and refuses every other role, program officers included, with 403 forbidden_role', async () => {
      for (const user of [officer, reviewer, applicant]) {
        const session = await login(app, user);
        const response = await http().get('/api/v1/users').set(session.headers).expect(403);
        expect(response.body.code).toBe('forbidden_role');
      }
      const session = await login(app, tenantAdmin);
      const list = await http().get('/api/v1/users').set(session.headers).expect(200);
      expect(list.body.items.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining([officer.username, reviewer.username]));
      expect(list.body.items.every((u: { tenantId: string }) => u.tenantId === alpha.id)).toBe(true);
    });

    it('creates staff users with the bindings their role needs, audited; the owner sets the password', async () => {
      const session = await login(app, tenantAdmin);
      const create = (body: Record<string, unknown>) =>
        http().post('/api/v1/users').set(session.headers).send({ displayName: 'New person', email: `${String(body.username)}@alpha.example.cn`, ...body });

      const noDistrict = await create({ username: 'reviewer-new', role: 'district_reviewer' }).expect(400);
      expect(noDistrict.body).toMatchObject({ code: 'validation_failed', details: [{ path: 'districtCode', message: 'a district reviewer must be bound to a district' }] });
      const foreignDistrict = await create({ username: 'reviewer-new', role: 'district_reviewer', districtCode: '110101' }).expect(400);
      expect(foreignDistrict.body.details).toEqual([{ path: 'districtCode', message: '110101 不是本地区的区县' }]);
      const noLevel = await create({ username: 'finance-new', role: 'finance_officer' }).expect(400);
      expect(noLevel.body.details[0].path).toBe('financeLevel');
      const applicantRole = await create({ username: 'applicant-new', role: 'applicant' }).expect(400);
      expect(applicantRole.body.details[0].path).toBe('role');
      const badName = await create({ username: 'Bad Name', role: 'expert' }).expect(400);
      expect(badName.body.details[0].path).toBe('username');
      // The creator never chooses the password: the field does not exist, and an address is required to send the token.
      const withPassword = await create({ username: 'expert-new', role: 'expert', password: 'a-long-password' }).expect(400);
      expect(withPassword.body.details[0].path).toBe('password');
      const noEmail = await create({ username: 'expert-new', role: 'expert', email: undefined }).expect(400);
      expect(noEmail.body.details[0].path).toBe('email');

      const created = await create({ username: 'reviewer-new', role: 'district_reviewer', districtCode: '370103', email: 'r@example.cn' }).expect(201);
      expect(created.body).toMatchObject({ username: 'reviewer-new', role: 'district_reviewer', districtCode: '370103', tenantId: alpha.id, passwordSetupExpiresAt: expect.any(String) });
      const duplicate = await create({ username: 'reviewer-new', role: 'expert' }).expect(409);
      expect(duplicate.body).toMatchObject({ code: 'username_taken', details: [{ path: 'username' }] });

      const audit = await asSuperuser(db, (c) =>
        c.query(`select actor_id, actor_role, data from audit_log where tenant_id = $1 and action = 'user.created' and entity_id = $2`, [alpha.id, created.body.id]),
      );
      expect(audit.rows).toEqual([{ actor_id: tenantAdmin.id, actor_role: 'tenant_admin', data: expect.objectContaining({ role: 'district_reviewer', districtCode: '370103' }) }]);
      // No password yet: signing in fails like any wrong password until the owner redeems the token from their e-mail.
      await http().post('/api/v1/auth/login').send({ tenant: alpha.id, username: 'reviewer-new', password: 'a-long-password' }).expect(401);
      const mail = await asSuperuser(db, (c) => c.query<{ body: string }>(`select body from notifications where tenant_id = $1 and email = 'r@example.cn' and user_id is null`, [alpha.id]));
      const token = /"token":"([A-Za-z0-9_-]{43})"/.exec(mail.rows[0].body)?.[1];
      await http().post('/api/v1/auth/password-setup').send({ tenant: alpha.id, token, password: 'my-own-long-password' }).expect(204);
      await login(app, { tenantId: alpha.id, username: 'reviewer-new', password: 'my-own-long-password' });
    });

    it('refuses X-Tenant-Id naming another tenant from anyone but a platform admin', async () => {
      const session = await login(app, tenantAdmin);
      await http().get('/api/v1/users').set(session.headers).set('X-Tenant-Id', alpha.id).expect(200);
      const response = await http().get('/api/v1/users').set(session.headers).set('X-Tenant-Id', beta.id).expect(403);
      expect(response.body.code).toBe('tenant_forbidden');
    });

    it('lets a platform admin act on one named tenant at a time, and on the platform tenant by default', async () => {
      const session = await login(app, admin);
      const own = await http().get('/api/v1/users').set(session.headers).expect(200);
      expect(own.body.items.map((u: { username: string }) => u.username)).toEqual([admin.username]);
      const inBeta = await http().get('/api/v1/users').set(session.headers).set('X-Tenant-Id', beta.id).expect(200);
      expect(inBeta.body.items.map((u: { username: string }) => u.username)).toEqual(['beta-officer']);
      const unknown = await http().get('/api/v1/users').set(session.headers).set('X-Tenant-Id', 'nowhere').expect(404);
      expect(unknown.body.code).toBe('unknown_tenant');
      const me = await http().get('/api/v1/auth/me').set(session.headers).set('X-Tenant-Id', beta.id).expect(200);
      expect(me.body).toMatchObject({ id: admin.id, tenantId: 'platform', actingTenantId: beta.id });

      const created = await http()
        .post('/api/v1/users')
        .set(session.headers)
        .set('X-Tenant-Id', beta.id)
        .send({ username: 'beta-expert', displayName: 'Expert', email: 'beta-expert@beta.example.cn', role: 'expert' })
        .expect(201);
      expect(created.body.tenantId).toBe(beta.id);
      const audit = await asSuperuser(db, (c) => c.query(`select tenant_id, actor_id, actor_role from audit_log where action = 'user.created' and entity_id = $1`, [created.body.id]));
      expect(audit.rows).toEqual([{ tenant_id: beta.id, actor_id: admin.id, actor_role: 'platform_admin' }]);
    });
  });
});
