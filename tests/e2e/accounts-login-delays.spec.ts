import { INestApplication } from '@nestjs/common';
import { describeHashParameters, hashPassword } from '@subsidy/auth';
import { ManualClock } from '@subsidy/calendar';
import { AppConfig } from '@subsidy/config';
import { hash } from 'argon2';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { asSuperuser, createTenant, createUser, ensurePlatformTenant, login, TenantFixture, UserFixture } from '../support/factories';
import { deleteRedisKeys } from '../support/redis-keys';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const FREE_FAILURES = 3;
const ATTACKER = '203.0.113.66';
const OWNER_ADDRESS = '198.51.100.7';

/**
 * Failed sign-ins slow the attacker down without shutting the owner out: growing delays per account and address
 * (Retry-After 1, 2, 4 … seconds), the owner signing in from another address meanwhile, and an administrator's unlock.
 * The API runs behind one trusted proxy hop so X-Forwarded-For stands for the client's address; time is a manual clock.
 */
describe('sign-in delays instead of lockout', () => {
  let db: TestDatabase;
  let config: AppConfig;
  let app: INestApplication;
  let tenant: TenantFixture;
  let tenantAdmin: UserFixture;
  const clock = new ManualClock(new Date('2026-11-23T09:00:00+08:00'));
  const http = () => request(app.getHttpServer());
  const attempt = (user: UserFixture, password: string, address: string) =>
    http().post('/api/v1/auth/login').set('X-Forwarded-For', address).send({ tenant: user.tenantId, username: user.username, password });

  beforeAll(async () => {
    db = await createTestDatabase();
    config = { ...db.config, auth: { ...db.config.auth, loginMaxFailures: FREE_FAILURES }, http: { ...db.config.http, trustProxyHops: 1 } };
    app = await createApp(config, { clock });
    tenant = await createTenant(db);
    await ensurePlatformTenant(db);
    tenantAdmin = await createUser(db, { tenantId: tenant.id, role: 'tenant_admin' });
  });

  beforeEach(() => deleteRedisKeys(config));

  afterAll(async () => {
    await app?.close();
    await deleteRedisKeys(config);
    await db?.drop();
  });

  it("delays the attacker's address more after each failure, never locks, and leaves the owner's address alone", async () => {
    const owner = await createUser(db, { tenantId: tenant.id, role: 'program_officer' });
    for (let i = 0; i < FREE_FAILURES; i += 1) await attempt(owner, `guess-${i}`, ATTACKER).expect(401);

    const retryAfters: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      // Even the right password waits: a delayed attempt is not even checked.
      const delayed = await attempt(owner, owner.password, ATTACKER).expect(429);
      expect(delayed.body.code).toBe('login_delayed');
      retryAfters.push(delayed.headers['retry-after']);
      // The owner, from their own address, is not delayed by the attacker's failures.
      await attempt(owner, owner.password, OWNER_ADDRESS).expect(200);
      clock.advance(Number(delayed.headers['retry-after']) * 1000);
      await attempt(owner, `guess-after-wait-${round}`, ATTACKER).expect(401);
    }
    expect(retryAfters).toEqual(['1', '2', '4']);
  });

  it('caps the delay at loginLockSeconds however many failures', async () => {
    const owner = await createUser(db, { tenantId: tenant.id, role: 'expert' });
    for (let i = 0; i < FREE_FAILURES + 12; i += 1) {
      await attempt(owner, `guess-${i}`, ATTACKER).expect(401);
      clock.advance(config.auth.loginLockSeconds * 1000);
    }
    await attempt(owner, 'one-more-guess', ATTACKER).expect(401);
    const delayed = await attempt(owner, owner.password, ATTACKER).expect(429);
    expect(Number(delayed.headers['retry-after'])).toBe(config.auth.loginLockSeconds);
    clock.advance(config.auth.loginLockSeconds * 1000);
    await attempt(owner, owner.password, ATTACKER).expect(200);
  });

  it('counts a burst of parallel guesses before any is checked, so only the free ones get through', async () => {
    const owner = await createUser(db, { tenantId: tenant.id, role: 'expert' });
    const statuses = (await Promise.all(Array.from({ length: 8 }, (_, i) => attempt(owner, `burst-${i}`, ATTACKER)))).map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(FREE_FAILURES);
    expect(statuses.filter((s) => s === 429)).toHaveLength(8 - FREE_FAILURES);
  });

  it("lets an administrator clear an account's delays, audited; nobody else may", async () => {
    const owner = await createUser(db, { tenantId: tenant.id, role: 'finance_officer' });
    for (let i = 0; i < FREE_FAILURES; i += 1) await attempt(owner, `guess-${i}`, ATTACKER).expect(401);
    await attempt(owner, owner.password, ATTACKER).expect(429);

    const officer = await login(app, await createUser(db, { tenantId: tenant.id, role: 'program_officer' }));
    const refused = await http().post(`/api/v1/users/${owner.id}/login-unlock`).set(officer.headers).send({ reason: 'asked by phone' }).expect(403);
    expect(refused.body.code).toBe('forbidden_role');
    const admin = await login(app, tenantAdmin);
    const blank = await http().post(`/api/v1/users/${owner.id}/login-unlock`).set(admin.headers).send({ reason: '  ' }).expect(400);
    expect(blank.body.details[0].path).toBe('reason');
    await http().post(`/api/v1/users/${owner.id}/login-unlock`).set(admin.headers).send({ reason: '本人电话确认 / confirmed by phone' }).expect(204);

    await attempt(owner, owner.password, ATTACKER).expect(200);
    const audit = await asSuperuser(db, (c) => c.query(`select actor_id, reason from audit_log where action = 'user.login_unlocked' and entity_id = $1`, [owner.id]));
    expect(audit.rows).toEqual([{ actor_id: tenantAdmin.id, reason: '本人电话确认 / confirmed by phone' }]);
  });

  it('re-hashes a password stored with outdated argon2 parameters at the next sign-in, audited', async () => {
    const user = await createUser(db, { tenantId: tenant.id, role: 'technical_reviewer' });
    const old = await hash(user.password, { type: 2 });
    await asSuperuser(db, (c) => c.query(`update users set password_hash = $2 where id = $1`, [user.id, old]));
    await attempt(user, user.password, OWNER_ADDRESS).expect(200);
    const stored = await asSuperuser(db, (c) => c.query<{ password_hash: string }>(`select password_hash from users where id = $1`, [user.id]));
    expect(stored.rows[0].password_hash).not.toBe(old);
    expect(describeHashParameters(stored.rows[0].password_hash)).toEqual(describeHashParameters(await hashPassword('any-password-1')));
    await attempt(user, user.password, OWNER_ADDRESS).expect(200);
    const audit = await asSuperuser(db, (c) => c.query(`select actor_id from audit_log where action = 'user.password_rehashed' and entity_id = $1`, [user.id]));
    expect(audit.rows).toEqual([{ actor_id: user.id }]);
  });
});
