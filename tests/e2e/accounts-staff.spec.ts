import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { asSuperuser, createTenant, createUser, ensurePlatformTenant, login, Session, TenantFixture, UserFixture } from '../support/factories';
import { deleteRedisKeys } from '../support/redis-keys';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * Segregation of duties over HTTP: only administrators create staff (a program officer can no longer create a finance
 * officer and pay as it), the platform administrator alone creates tenant administrators, privileged creations are
 * audited and announced to the other administrators, one person never decides and pays, and the creator never learns
 * the new account's password.
 */
describe('staff accounts and segregation of duties', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let tenant: TenantFixture;
  let other: TenantFixture;
  let platformAdmin: UserFixture;
  let officer: UserFixture;
  let firstAdmin: UserFixture;
  let secondAdmin: UserFixture;
  let platform: Session;
  let admin: Session;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config);
    tenant = await createTenant(db);
    other = await createTenant(db);
    await ensurePlatformTenant(db);
    platformAdmin = await createUser(db, { tenantId: 'platform', role: 'platform_admin' });
    officer = await createUser(db, { tenantId: tenant.id, role: 'program_officer', email: 'officer@city.example.cn' });
    firstAdmin = await createUser(db, { tenantId: tenant.id, role: 'tenant_admin', email: 'first.admin@city.example.cn' });
    secondAdmin = await createUser(db, { tenantId: tenant.id, role: 'tenant_admin', email: 'second.admin@city.example.cn' });
    platform = await login(app, platformAdmin);
    admin = await login(app, firstAdmin);
  });

  afterAll(async () => {
    await app?.close();
    await deleteRedisKeys(db.config);
    await db?.drop();
  });

  const person = (username: string, role: string, extra: Record<string, unknown> = {}) => ({
    username,
    displayName: `Person ${username}`,
    email: `${username}@city.example.cn`,
    role,
    ...(role === 'finance_officer' ? { financeLevel: 'city' } : {}),
    ...extra,
  });
  const create = (session: Session, body: Record<string, unknown>, tenantId?: string) =>
    http()
      .post('/api/v1/users')
      .set({ ...session.headers, ...(tenantId ? { 'X-Tenant-Id': tenantId } : {}) })
      .send(body);
  const setupTokenFor = async (email: string): Promise<string> => {
    const mail = await asSuperuser(db, (c) =>
      c.query<{ body: string }>(`select body from notifications where email = $1 and user_id is null and kind like 'account.password-setup.%' order by created_at desc limit 1`, [email]),
    );
    const token = /"token":"([A-Za-z0-9_-]{43})"/.exec(mail.rows[0]?.body ?? '')?.[1];
    if (!token) throw new Error(`no password-setup e-mail for ${email}`);
    return token;
  };
  const usersNamed = async (username: string) =>
    (await asSuperuser(db, (c) => c.query<{ id: string }>(`select id from users where tenant_id = $1 and username = $2`, [tenant.id, username]))).rows;

  describe('who creates whom', () => {
    it('refuses a program officer creating a finance officer (the issue: create, sign in as it, pay)', async () => {
      const session = await login(app, officer);
      const response = await create(session, person('accomplice', 'finance_officer')).expect(403);
      expect(response.body.code).toBe('forbidden_role');
      expect(await usersNamed('accomplice')).toEqual([]);
    });

    it('lets a tenant administrator create staff, but not another administrator', async () => {
      await create(admin, person('officer-two', 'program_officer')).expect(201);
      const refused = await create(admin, person('admin-three', 'tenant_admin')).expect(403);
      expect(refused.body).toMatchObject({ code: 'role_not_grantable', details: [{ path: 'role' }] });
      await create(admin, person('root-two', 'platform_admin')).expect(403);
      expect(await usersNamed('admin-three')).toEqual([]);
    });

    it('lets the platform administrator create a tenant administrator in a tenant named by X-Tenant-Id, and nowhere else', async () => {
      const created = await create(platform, person('admin-of-other', 'tenant_admin'), other.id).expect(201);
      expect(created.body).toMatchObject({ tenantId: other.id, role: 'tenant_admin' });
      // Tenant administrators belong to a government tenant, never to the platform.
      const inPlatform = await create(platform, person('admin-in-platform', 'tenant_admin')).expect(400);
      expect(inPlatform.body.details[0].path).toBe('role');
    });

    it("keeps a tenant administrator out of another tenant's accounts", async () => {
      const foreign = await createUser(db, { tenantId: other.id, role: 'expert' });
      const crossed = await create(admin, person('intruder', 'expert'), other.id).expect(403);
      expect(crossed.body.code).toBe('tenant_forbidden');
      const byId = await http().post(`/api/v1/users/${foreign.id}/deactivate`).set(admin.headers).send({ reason: 'not mine' }).expect(404);
      expect(byId.body.code).toBe('user_not_found');
    });
  });

  describe('privileged creations', () => {
    it('are audited and announced to every other administrator of the tenant, not to the creator', async () => {
      const created = await create(admin, person('payer', 'finance_officer')).expect(201);
      const audit = await asSuperuser(db, (c) =>
        c.query(`select actor_id, actor_role, data from audit_log where tenant_id = $1 and action = 'user.created' and entity_id = $2`, [tenant.id, created.body.id]),
      );
      expect(audit.rows).toEqual([
        {
          actor_id: firstAdmin.id,
          actor_role: 'tenant_admin',
          data: expect.objectContaining({ role: 'finance_officer', email: 'payer@city.example.cn', privileged: true, administratorsNotified: 1 }),
        },
      ]);
      const seen = await http().get('/api/v1/notifications').set((await login(app, secondAdmin)).headers).expect(200);
      const notice = seen.body.items.find((n: { kind: string; entityId?: string; entity?: { id: string } }) => n.kind === 'account.privileged-created');
      expect(notice).toBeDefined();
      expect(JSON.stringify(notice)).toContain('payer');
      expect(JSON.stringify(notice)).toContain(firstAdmin.username);
      const own = await http().get('/api/v1/notifications').set(admin.headers).expect(200);
      expect(own.body.items.filter((n: { kind: string }) => n.kind === 'account.privileged-created')).toEqual([]);
    });

    it('tells the tenant administrators when the platform administrator creates one more', async () => {
      await create(platform, person('admin-four', 'tenant_admin'), tenant.id).expect(201);
      const rows = await asSuperuser(db, (c) =>
        c.query<{ user_id: string }>(`select user_id from notifications where tenant_id = $1 and kind = 'account.privileged-created' and body like '%admin-four%' order by user_id`, [tenant.id]),
      );
      expect(rows.rows.map((r) => r.user_id).sort()).toEqual([firstAdmin.id, secondAdmin.id].sort());
    });

    it('are not announced for reviewers and experts, but audited all the same', async () => {
      const created = await create(admin, person('expert-plain', 'expert')).expect(201);
      const notices = await asSuperuser(db, (c) => c.query(`select 1 from notifications where kind = 'account.privileged-created' and entity_id = $1`, [created.body.id]));
      expect(notices.rowCount).toBe(0);
      const audit = await asSuperuser(db, (c) => c.query(`select data->>'privileged' as privileged from audit_log where action = 'user.created' and entity_id = $1`, [created.body.id]));
      expect(audit.rows).toEqual([{ privileged: 'false' }]);
    });
  });

  describe('one person never decides and pays', () => {
    it('refuses a finance account for a person who holds an active program-officer account, whatever the case of the address', async () => {
      const refused = await create(admin, person('officer-pays', 'finance_officer', { email: 'Officer@City.Example.CN' })).expect(409);
      expect(refused.body).toMatchObject({ code: 'segregation_of_duties', details: [{ path: 'email' }] });
      expect(refused.body.message).toContain(officer.username);
      expect(await usersNamed('officer-pays')).toEqual([]);
    });

    it('refuses the other way round, and keeps administrators out of deciding and paying too', async () => {
      await create(admin, person('cashier', 'finance_officer')).expect(201);
      await create(admin, person('cashier-decides', 'program_officer', { email: 'cashier@city.example.cn' })).expect(409);
      const adminPays = await create(admin, person('admin-pays', 'finance_officer', { email: 'first.admin@city.example.cn' })).expect(409);
      expect(adminPays.body.code).toBe('segregation_of_duties');
      // The same duty twice is fine: a city and a district finance account of one person.
      await create(admin, person('cashier-district', 'finance_officer', { email: 'cashier@city.example.cn', financeLevel: 'district', districtCode: tenant.districtCodes[0] })).expect(201);
    });

    it('lets a person change duty once the old account is deactivated, and refuses reactivating it while the new one is active', async () => {
      const decider = await create(admin, person('mover', 'program_officer')).expect(201);
      await http().post(`/api/v1/users/${decider.body.id}/deactivate`).set(admin.headers).send({ reason: '调任财务岗 / moved to finance' }).expect(200);
      const payer = await create(admin, person('mover-pays', 'finance_officer', { email: 'mover@city.example.cn' })).expect(201);
      const back = await http().post(`/api/v1/users/${decider.body.id}/reactivate`).set(admin.headers).send({ reason: 'back again' }).expect(409);
      expect(back.body.code).toBe('segregation_of_duties');
      await http().post(`/api/v1/users/${payer.body.id}/deactivate`).set(admin.headers).send({ reason: 'back to the programme' }).expect(200);
      await http().post(`/api/v1/users/${decider.body.id}/reactivate`).set(admin.headers).send({ reason: 'back again' }).expect(200);
    });

    it('is enforced by the database itself, for writes that bypass the API', async () => {
      const attempt = asSuperuser(db, (c) =>
        c.query(`insert into users (tenant_id, username, display_name, email, role, finance_level) values ($1, 'sql-payer', 'x', 'OFFICER@city.example.cn', 'finance_officer', 'city')`, [tenant.id]),
      );
      await expect(attempt).rejects.toThrow(/users_segregation_of_duties/);
    });

    it('asks for the person before reactivating a deciding account that has no address on record', async () => {
      const legacy = await createUser(db, { tenantId: tenant.id, role: 'program_officer', active: false });
      const missing = await http().post(`/api/v1/users/${legacy.id}/reactivate`).set(admin.headers).send({ reason: 'returns' }).expect(409);
      expect(missing.body.code).toBe('email_required');
      const clash = await http().post(`/api/v1/users/${legacy.id}/reactivate`).set(admin.headers).send({ reason: 'returns', email: 'cashier@city.example.cn' }).expect(409);
      expect(clash.body.code).toBe('segregation_of_duties');
      const ok = await http().post(`/api/v1/users/${legacy.id}/reactivate`).set(admin.headers).send({ reason: 'returns', email: 'legacy@city.example.cn' }).expect(200);
      expect(ok.body).toMatchObject({ active: true, email: 'legacy@city.example.cn' });
    });
  });

  describe('the creator cannot sign in as the account', () => {
    it('gives no password and no token to the creator; the owner sets the password with the one-time token from their e-mail', async () => {
      const created = await create(admin, person('newcomer', 'program_officer')).expect(201);
      expect(JSON.stringify(created.body)).not.toMatch(/token|password"/i);
      const stored = await asSuperuser(db, (c) => c.query(`select password_hash from users where id = $1`, [created.body.id]));
      expect(stored.rows[0].password_hash).toBeNull();
      // The e-mail goes to the address only: it shows in nobody's in-product notifications.
      const mail = await asSuperuser(db, (c) => c.query(`select user_id, kind from notifications where email = 'newcomer@city.example.cn'`));
      expect(mail.rows).toEqual([{ user_id: null, kind: 'account.password-setup.activation' }]);

      const token = await setupTokenFor('newcomer@city.example.cn');
      const short = await http().post('/api/v1/auth/password-setup').send({ tenant: tenant.id, token, password: 'short' }).expect(400);
      expect(short.body.details[0].path).toBe('password');
      const wrongTenant = await http().post('/api/v1/auth/password-setup').send({ tenant: other.id, token, password: 'newcomer-own-password' }).expect(400);
      expect(wrongTenant.body.code).toBe('password_setup_token_invalid');
      await http().post('/api/v1/auth/password-setup').send({ tenant: tenant.id, token, password: 'newcomer-own-password' }).expect(204);
      const again = await http().post('/api/v1/auth/password-setup').send({ tenant: tenant.id, token, password: 'attacker-password-1' }).expect(400);
      expect(again.body).toMatchObject({ code: 'password_setup_token_invalid', details: [{ path: 'token' }] });
      await login(app, { tenantId: tenant.id, username: 'newcomer', password: 'newcomer-own-password' });
      const audit = await asSuperuser(db, (c) => c.query(`select actor_id, data from audit_log where action = 'user.password_set' and entity_id = $1`, [created.body.id]));
      expect(audit.rows).toEqual([{ actor_id: created.body.id, data: { purpose: 'activation' } }]);
    });

    it('refuses an expired token, and a newer token replaces an older one', async () => {
      const created = await create(admin, person('late-comer', 'expert')).expect(201);
      const first = await setupTokenFor('late-comer@city.example.cn');
      await asSuperuser(db, (c) => c.query(`update password_setup_tokens set expires_at = now() - interval '1 second' where user_id = $1`, [created.body.id]));
      await http().post('/api/v1/auth/password-setup').send({ tenant: tenant.id, token: first, password: 'late-comer-password' }).expect(400);
      // A forced reset sends a fresh token (the way to re-send an expired activation).
      await http().post(`/api/v1/users/${created.body.id}/password-reset`).set(admin.headers).send({ reason: 'activation expired' }).expect(200);
      const second = await setupTokenFor('late-comer@city.example.cn');
      expect(second).not.toBe(first);
      await http().post('/api/v1/auth/password-setup').send({ tenant: tenant.id, token: second, password: 'late-comer-password' }).expect(204);
    });
  });
});
