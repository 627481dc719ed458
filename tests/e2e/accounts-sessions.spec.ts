import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@subsidy/config';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { asSuperuser, createTenant, createUser, ensurePlatformTenant, login, Session, TenantFixture, UserFixture } from '../support/factories';
import { deleteRedisKeys } from '../support/redis-keys';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * An access token counts only while its user is active and its sign-in alive, checked in the database on every
 * request: password change, deactivation, a forced reset and logout end tokens at once; a token without `exp` is
 * refused. Every change is audited.
 */
describe('sessions end when the account or the sign-in does', () => {
  let db: TestDatabase;
  let config: AppConfig;
  let app: INestApplication;
  let tenant: TenantFixture;
  let tenantAdmin: UserFixture;
  let admin: Session;
  const http = () => request(app.getHttpServer());
  const me = (session: Session) => http().get('/api/v1/auth/me').set(session.headers);
  const refresh = (user: UserFixture, session: Session) => http().post('/api/v1/auth/refresh').send({ tenant: user.tenantId, refreshToken: session.refreshToken });
  const auditOf = async (action: string, entityId: string) =>
    (await asSuperuser(db, (c) => c.query(`select actor_id, reason, data from audit_log where action = $1 and entity_id = $2 order by seq`, [action, entityId]))).rows;

  beforeAll(async () => {
    db = await createTestDatabase();
    config = db.config;
    app = await createApp(config);
    tenant = await createTenant(db);
    await ensurePlatformTenant(db);
    tenantAdmin = await createUser(db, { tenantId: tenant.id, role: 'tenant_admin', email: 'admin@city.example.cn' });
    admin = await login(app, tenantAdmin);
  });

  afterAll(async () => {
    await app?.close();
    await deleteRedisKeys(config);
    await db?.drop();
  });

  describe('changing one\'s own password', () => {
    it('needs the current password, ends every other sign-in and keeps this one, audited', async () => {
      const user = await createUser(db, { tenantId: tenant.id, role: 'program_officer' });
      const here = await login(app, user);
      const elsewhere = await login(app, user);
      const change = (body: Record<string, unknown>) => http().post('/api/v1/auth/password').set(here.headers).send(body);

      const wrong = await change({ currentPassword: 'not-my-password', newPassword: 'brand-new-password' }).expect(400);
      expect(wrong.body).toMatchObject({ code: 'current_password_incorrect', details: [{ path: 'currentPassword' }] });
      const same = await change({ currentPassword: user.password, newPassword: user.password }).expect(400);
      expect(same.body.details[0].path).toBe('newPassword');
      const short = await change({ currentPassword: user.password, newPassword: 'short' }).expect(400);
      expect(short.body.details[0].path).toBe('newPassword');
      await me(elsewhere).expect(200);

      await change({ currentPassword: user.password, newPassword: 'brand-new-password' }).expect(204);
      const ended = await me(elsewhere).expect(401);
      expect(ended.body.code).toBe('access_token_revoked');
      await refresh(user, elsewhere).expect(401);
      await me(here).expect(200);
      await refresh(user, here).expect(200);

      await http().post('/api/v1/auth/login').send({ tenant: tenant.id, username: user.username, password: user.password }).expect(401);
      await login(app, { ...user, password: 'brand-new-password' });
      expect(await auditOf('user.password_changed', user.id)).toEqual([{ actor_id: user.id, reason: null, data: { otherSessionsEnded: 1 } }]);
    });

    it('counts wrong current passwords in the sign-in delays, so a stolen token cannot guess it', async () => {
      const user = await createUser(db, { tenantId: tenant.id, role: 'expert' });
      const session = await login(app, user);
      for (let i = 0; i < config.auth.loginMaxFailures; i += 1) {
        await http().post('/api/v1/auth/password').set(session.headers).send({ currentPassword: `guess-${i}-xx`, newPassword: 'brand-new-password' }).expect(400);
      }
      const delayed = await http().post('/api/v1/auth/password').set(session.headers).send({ currentPassword: user.password, newPassword: 'brand-new-password' }).expect(429);
      expect(delayed.body.code).toBe('login_delayed');
      expect(Number(delayed.headers['retry-after'])).toBeGreaterThan(0);
    });
  });

  describe('deactivation', () => {
    it("stops the user's access token on the very next request, and the refresh token and password too, audited", async () => {
      const user = await createUser(db, { tenantId: tenant.id, role: 'finance_officer', email: 'cashier@city.example.cn' });
      const session = await login(app, user);
      await me(session).expect(200);

      const done = await http().post(`/api/v1/users/${user.id}/deactivate`).set(admin.headers).send({ reason: '离职 / left the office' }).expect(200);
      expect(done.body).toMatchObject({ id: user.id, active: false });
      const refused = await me(session).expect(401);
      expect(refused.body.code).toBe('access_token_revoked');
      await http().get('/api/v1/finance/programs/00000000-0000-4000-8000-000000000000/report').set(session.headers).expect(401);
      await refresh(user, session).expect(401);
      await http().post('/api/v1/auth/login').send({ tenant: tenant.id, username: user.username, password: user.password }).expect(401);
      expect(await auditOf('user.deactivated', user.id)).toEqual([
        { actor_id: tenantAdmin.id, reason: '离职 / left the office', data: { username: user.username, role: 'finance_officer', sessionsEnded: 1 } },
      ]);

      const twice = await http().post(`/api/v1/users/${user.id}/deactivate`).set(admin.headers).send({ reason: 'again' }).expect(409);
      expect(twice.body.code).toBe('account_already_inactive');
      // Reactivated, the account signs in again; the sessions ended at deactivation stay ended.
      await http().post(`/api/v1/users/${user.id}/reactivate`).set(admin.headers).send({ reason: '返岗 / back' }).expect(200);
      await me(session).expect(401);
      await login(app, user);
      expect(await auditOf('user.reactivated', user.id)).toHaveLength(1);
    });

    it("refuses an administrator's own account and, for a tenant administrator, other administrators'", async () => {
      const own = await http().post(`/api/v1/users/${tenantAdmin.id}/deactivate`).set(admin.headers).send({ reason: 'oops' }).expect(403);
      expect(own.body.code).toBe('account_not_manageable');
      const peer = await createUser(db, { tenantId: tenant.id, role: 'tenant_admin' });
      await http().post(`/api/v1/users/${peer.id}/deactivate`).set(admin.headers).send({ reason: 'rivalry' }).expect(403);
      await http().post(`/api/v1/users/${peer.id}/password-reset`).set(admin.headers).send({ reason: 'rivalry' }).expect(403);
      const platform = await login(app, await createUser(db, { tenantId: 'platform', role: 'platform_admin' }));
      await http().post(`/api/v1/users/${peer.id}/deactivate`).set({ ...platform.headers, 'X-Tenant-Id': tenant.id }).send({ reason: 'left' }).expect(200);
    });

    it('answers unknown ids with 404 and malformed ids with 400 naming the parameter', async () => {
      const unknown = await http().post('/api/v1/users/00000000-0000-4000-8000-000000000000/deactivate').set(admin.headers).send({ reason: 'x' }).expect(404);
      expect(unknown.body.code).toBe('user_not_found');
      const malformed = await http().post('/api/v1/users/not-an-id/deactivate').set(admin.headers).send({ reason: 'x' }).expect(400);
      expect(malformed.body.details[0].path).toBe('id');
      const noReason = await http().post(`/api/v1/users/${tenantAdmin.id}/deactivate`).set(admin.headers).send({}).expect(400);
      expect(noReason.body.details[0].path).toBe('reason');
    });
  });

  describe('forced password reset', () => {
    it('voids the password and every sign-in at once and mails a one-time token to the owner only, audited', async () => {
      const user = await createUser(db, { tenantId: tenant.id, role: 'program_officer', email: 'reset.me@city.example.cn' });
      const session = await login(app, user);
      const reset = await http().post(`/api/v1/users/${user.id}/password-reset`).set(admin.headers).send({ reason: 'password seen on a post-it' }).expect(200);
      expect(Object.keys(reset.body)).toEqual(['passwordSetupExpiresAt']);
      expect((await me(session).expect(401)).body.code).toBe('access_token_revoked');
      await http().post('/api/v1/auth/login').send({ tenant: tenant.id, username: user.username, password: user.password }).expect(401);

      const mail = await asSuperuser(db, (c) => c.query<{ body: string; kind: string; user_id: string | null }>(`select body, kind, user_id from notifications where email = 'reset.me@city.example.cn'`));
      expect(mail.rows).toHaveLength(1);
      expect(mail.rows[0]).toMatchObject({ kind: 'account.password-setup.reset', user_id: null });
      const token = /"token":"([A-Za-z0-9_-]{43})"/.exec(mail.rows[0].body)?.[1];
      await http().post('/api/v1/auth/password-setup').send({ tenant: tenant.id, token, password: 'chosen-by-the-owner' }).expect(204);
      await login(app, { ...user, password: 'chosen-by-the-owner' });
      expect(await auditOf('user.password_reset_forced', user.id)).toEqual([
        { actor_id: tenantAdmin.id, reason: 'password seen on a post-it', data: expect.objectContaining({ sessionsEnded: 1 }) },
      ]);
    });

    it('refuses an account without an e-mail address, changing nothing', async () => {
      const user = await createUser(db, { tenantId: tenant.id, role: 'expert' });
      const session = await login(app, user);
      const refused = await http().post(`/api/v1/users/${user.id}/password-reset`).set(admin.headers).send({ reason: 'x' }).expect(409);
      expect(refused.body.code).toBe('email_required');
      await me(session).expect(200);
      await login(app, user);
    });
  });

  describe('logout and the access token', () => {
    it('ends the access token of the sign-in with its refresh token, audited', async () => {
      const user = await createUser(db, { tenantId: tenant.id, role: 'district_reviewer', districtCode: tenant.districtCodes[0] });
      const session = await login(app, user);
      const other = await login(app, user);
      await http().post('/api/v1/auth/logout').send({ tenant: tenant.id, refreshToken: session.refreshToken }).expect(204);
      expect((await me(session).expect(401)).body.code).toBe('access_token_revoked');
      // Only that sign-in ended.
      await me(other).expect(200);
      expect(await auditOf('auth.logout', user.id)).toEqual([{ actor_id: user.id, reason: null, data: { familyId: expect.any(String) } }]);
    });

    it("ends a platform administrator's access to the queue dashboard too", async () => {
      const root = await createUser(db, { tenantId: 'platform', role: 'platform_admin' });
      const session = await login(app, root);
      await http().get('/api/admin/queues/api/queues').set(session.headers).expect(200);
      await http().post('/api/v1/auth/logout').send({ tenant: 'platform', refreshToken: session.refreshToken }).expect(204);
      await http().get('/api/admin/queues/api/queues').set(session.headers).expect(401);
    });

    it('keeps the revocation in the database: no Redis state is involved', async () => {
      const user = await createUser(db, { tenantId: tenant.id, role: 'expert' });
      const session = await login(app, user);
      await http().post('/api/v1/auth/logout').send({ tenant: tenant.id, refreshToken: session.refreshToken }).expect(204);
      await deleteRedisKeys(config);
      await me(session).expect(401);
    });
  });

  describe('tokens the signer did not mean', () => {
    const jwt = () => new JwtService({ secret: config.auth.jwtSecret });
    const claims = (session: Session) => {
      const { iat: _iat, exp: _exp, ...rest } = jwt().decode(session.accessToken) as Record<string, unknown>;
      return rest;
    };

    it('refuses a correctly signed token without exp, for a live session of an active user', async () => {
      const session = await login(app, await createUser(db, { tenantId: tenant.id, role: 'expert' }));
      const withExp = jwt().sign(claims(session), { algorithm: 'HS256', expiresIn: 60 });
      await http().get('/api/v1/auth/me').set('Authorization', `Bearer ${withExp}`).expect(200);
      const forever = jwt().sign(claims(session), { algorithm: 'HS256' });
      expect(jwt().decode(forever)).not.toHaveProperty('exp');
      const refused = await http().get('/api/v1/auth/me').set('Authorization', `Bearer ${forever}`).expect(401);
      expect(refused.body.code).toBe('access_token_invalid');
    });

    it('refuses a token claiming a longer life than the configured one', async () => {
      const session = await login(app, await createUser(db, { tenantId: tenant.id, role: 'expert' }));
      const long = jwt().sign(claims(session), { algorithm: 'HS256', expiresIn: config.auth.accessTtlSeconds * 100 });
      await http().get('/api/v1/auth/me').set('Authorization', `Bearer ${long}`).expect(401);
    });

    it('refuses a token of a user who no longer exists, or naming a sign-in of someone else', async () => {
      const a = await login(app, await createUser(db, { tenantId: tenant.id, role: 'expert' }));
      const b = await login(app, await createUser(db, { tenantId: tenant.id, role: 'expert' }));
      const borrowed = jwt().sign({ ...claims(a), sid: claims(b).sid }, { algorithm: 'HS256', expiresIn: 60 });
      expect((await http().get('/api/v1/auth/me').set('Authorization', `Bearer ${borrowed}`).expect(401)).body.code).toBe('access_token_revoked');
      const ghost = jwt().sign({ ...claims(a), sub: '00000000-0000-4000-8000-000000000000' }, { algorithm: 'HS256', expiresIn: 60 });
      await http().get('/api/v1/auth/me').set('Authorization', `Bearer ${ghost}`).expect(401);
    });
  });
});
