import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { ManualClock } from '@subsidy/calendar';
import { AppConfig } from '@subsidy/config';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { createWorker } from '../../apps/worker/src/create-worker';
import { asSuperuser, createOrganization, createTenant, createUser, ensurePlatformTenant, login, Session, TenantFixture } from '../support/factories';
import { waitFor } from '../support/polling';
import { deleteRedisKeys } from '../support/redis-keys';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const POLL_MS = 50;

/**
 * The real API and worker on one manual clock: the worker queues each tenant's nightly check at start-up, runs it when
 * the clock passes 02:30 China Standard Time, and GET /api/v1/audit/chain-checks shows the results to the tenant's
 * program officers and to platform administrators acting on the tenant.
 */
describe('GET /api/v1/audit/chain-checks', () => {
  let db: TestDatabase;
  let config: AppConfig;
  let app: INestApplication;
  let worker: INestApplicationContext | undefined;
  let tenant: TenantFixture;
  let other: TenantFixture;
  let officer: Session;
  let applicant: Session;
  let reviewer: Session;
  let admin: Session;
  let otherOfficer: Session;
  const clock = new ManualClock(new Date('2026-11-23T10:00:00+08:00'));
  const http = () => request(app.getHttpServer());
  const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await asSuperuser(db, (c) => c.query(sql, params))).rows as T[];


  const nightly = (tenantId: string, date: string, done: boolean) =>
    waitFor(`the ${date} check of ${tenantId} ${done ? 'to run' : 'to be queued'}`, async () =>
      (await rows(`select 1 from outbox where dedupe_key = $1 and ($2::boolean is false or completed_at is not null)`, [`audit.verify-chain:${tenantId}:${date}`, done])).length === 1,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    config = { ...db.config, outbox: { pollMs: POLL_MS } };
    app = await createApp(config, { clock });
    tenant = await createTenant(db);
    other = await createTenant(db);
    await ensurePlatformTenant(db);
    const organization = await createOrganization(db, { tenantId: tenant.id, districtCode: tenant.districtCodes[0] });
    officer = await login(app, await createUser(db, { tenantId: tenant.id, role: 'program_officer' }));
    applicant = await login(app, await createUser(db, { tenantId: tenant.id, role: 'applicant', organizationId: organization.id }));
    reviewer = await login(app, await createUser(db, { tenantId: tenant.id, role: 'district_reviewer', districtCode: tenant.districtCodes[0] }));
    admin = await login(app, await createUser(db, { tenantId: 'platform', role: 'platform_admin' }));
    otherOfficer = await login(app, await createUser(db, { tenantId: other.id, role: 'program_officer' }));

    // Night one: the worker started on the 23rd queues the 24th's checks and runs them once 02:30 has passed.
    worker = await createWorker(config, { clock });
    await nightly(tenant.id, '2026-11-24', false);
    clock.set(new Date('2026-11-24T02:31:00+08:00'));
    await nightly(tenant.id, '2026-11-24', true);
    await nightly(other.id, '2026-11-24', true);

    // During the day someone edits the tenant's first audit record; the restarted worker queues the 25th's checks.
    await worker.close();
    await asSuperuser(db, (c) => c.query(`update audit_log set reason = 'edited by hand' where tenant_id = $1 and seq = 1`, [tenant.id]));
    clock.set(new Date('2026-11-24T15:00:00+08:00'));
    worker = await createWorker(config, { clock });
    await nightly(tenant.id, '2026-11-25', false);
    clock.set(new Date('2026-11-25T02:31:00+08:00'));
    await nightly(tenant.id, '2026-11-25', true);
    await nightly(other.id, '2026-11-25', true);
    // Undo the edit, so the chain is whole again for the integrity check every test file ends with.
    await asSuperuser(db, (c) => c.query(`update audit_log set reason = null where tenant_id = $1 and seq = 1`, [tenant.id]));
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    if (config) await deleteRedisKeys(config);
    await db?.drop();
  });

  it("shows the tenant's program officer its checks, newest first: the broken night names the first broken record", async () => {
    const response = await http().get('/api/v1/audit/chain-checks').set(officer.headers).expect(200);
    expect(response.body).toEqual({
      items: [
        {
          checkedOn: '2026-11-25',
          checkedAt: '2026-11-24T18:31:00.000Z',
          ok: false,
          recordsChecked: 0,
          head: null,
          broken: { seq: '1', kind: 'edited', reason: 'seq 1 was edited: its content no longer matches its hash' },
          alertedAt: '2026-11-24T18:31:00.000Z',
        },
        { checkedOn: '2026-11-24', checkedAt: '2026-11-23T18:31:00.000Z', ok: true, recordsChecked: 0, head: { seq: '0', hash: '0'.repeat(64) }, broken: null, alertedAt: null },
      ],
    });
    // Each night's check is recorded in the chain itself: the first night's is record 1, the one that was edited.
    expect(await rows(`select seq::int, action from audit_log where tenant_id = $1 order by seq`, [tenant.id])).toEqual([
      { seq: 1, action: 'audit.chain-verified' },
      { seq: 2, action: 'audit.chain-broken' },
    ]);
  });

  it('told the officer once, in the product', async () => {
    const response = await http().get('/api/v1/notifications').set(officer.headers).expect(200);
    const alerts = (response.body.items as Array<{ kind: string; entity: unknown }>).filter((n) => n.kind === 'audit.chain-broken');
    expect(alerts).toEqual([expect.objectContaining({ kind: 'audit.chain-broken', entity: { type: 'audit_chain', id: tenant.id } })]);
  });

  it('returns the latest N with ?limit and names a bad limit', async () => {
    const one = await http().get('/api/v1/audit/chain-checks?limit=1').set(officer.headers).expect(200);
    expect(one.body.items.map((c: { checkedOn: string }) => c.checkedOn)).toEqual(['2026-11-25']);
    for (const bad of ['0', '101', 'abc']) {
      const response = await http().get(`/api/v1/audit/chain-checks?limit=${bad}`).set(officer.headers).expect(400);
      expect(response.body.details.map((d: { path: string }) => d.path)).toContain('limit');
    }
  });

  it('lets a platform administrator read a tenant with X-Tenant-Id, and the platform tenant without it', async () => {
    const delegated = await http().get('/api/v1/audit/chain-checks').set({ ...admin.headers, 'X-Tenant-Id': tenant.id }).expect(200);
    const own = await http().get('/api/v1/audit/chain-checks').set(officer.headers).expect(200);
    expect(delegated.body).toEqual(own.body);
    const platform = await http().get('/api/v1/audit/chain-checks').set(admin.headers).expect(200);
    expect(platform.body.items.map((c: { checkedOn: string; ok: boolean }) => [c.checkedOn, c.ok])).toEqual([
      ['2026-11-25', true],
      ['2026-11-24', true],
    ]);
  });

  it("shows another tenant's officer only that tenant's checks, and refuses X-Tenant-Id", async () => {
    const response = await http().get('/api/v1/audit/chain-checks').set(otherOfficer.headers).expect(200);
    expect(response.body.items.map((c: { checkedOn: string; ok: boolean }) => [c.checkedOn, c.ok])).toEqual([
      ['2026-11-25', true],
      ['2026-11-24', true],
    ]);
    await http().get('/api/v1/audit/chain-checks').set({ ...otherOfficer.headers, 'X-Tenant-Id': tenant.id }).expect(403);
  });

  it('refuses applicants, other staff roles and anonymous callers', async () => {
    await http().get('/api/v1/audit/chain-checks').set(applicant.headers).expect(403);
    await http().get('/api/v1/audit/chain-checks').set(reviewer.headers).expect(403);
    await http().get('/api/v1/audit/chain-checks').expect(401);
  });
});
