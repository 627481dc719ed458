import { INestApplication } from '@nestjs/common';
import { configDir } from '@subsidy/config';
import { ManualClock } from '@subsidy/calendar';
import { loadTenantDefinitions, TenantDefinition } from '@subsidy/tenancy';
import { AddressInfo } from 'node:net';
import { createApp } from '../../apps/api/src/create-app';
import { seedDemo } from '../../apps/cli/src/demo/seed-demo';
import { seedDemoPrograms } from '../../apps/cli/src/demo/seed-programs';
import { syncTenants } from '../../apps/cli/src/tenants/sync-tenants';
import { asSuperuser } from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** `npm run demo` seeds one open call per tenant through the API, only where a policy text is in force today. */
describe('demo programs', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let baseUrl: string;
  let tenants: TenantDefinition[];
  // 2026-11-23: beijing-2020 and zhengzhou-2019 have no end date; every other seed text has lapsed.
  const now = new Date('2026-11-23T10:00:00+08:00');

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config, { clock: new ManualClock(now) });
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    tenants = loadTenantDefinitions(configDir('tenants'));
    await syncTenants(db.config, tenants);
    await seedDemo(db.config, tenants);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const programRows = async () =>
    (
      await asSuperuser(db, (c) =>
        c.query<{ tenant_id: string; status: string; policy_id: string; window_kind: string; review: { publicity: unknown }; closes_at: Date }>(
          `select tenant_id, status, policy_id, window_kind, review, closes_at from programs order by tenant_id`,
        ),
      )
    ).rows;

  it('schedules a call for each tenant whose text is in force and says why the others get none', async () => {
    const outcomes = await seedDemoPrograms(baseUrl, tenants, now);
    const byTenant = Object.fromEntries(outcomes.map((o) => [o.tenant, o]));
    expect(byTenant.beijing.outcome).toBe('created');
    expect(byTenant.zhengzhou.outcome).toBe('created');
    expect(byTenant.foshan).toMatchObject({ outcome: 'skipped', detail: 'no policy text in force on 2026-11-23' });
    expect(outcomes.filter((o) => o.outcome === 'created')).toHaveLength(2);
    expect(byTenant.platform).toBeUndefined();

    const rows = await programRows();
    expect(rows.map((r) => [r.tenant_id, r.status, r.policy_id])).toEqual([
      ['beijing', 'scheduled', 'beijing-2020'],
      ['zhengzhou', 'scheduled', 'zhengzhou-2019'],
    ]);
    expect(rows[0].closes_at.toISOString()).toBe('2027-01-22T09:00:00.000Z'); // 60 days on, 17:00 CST
    const jobs = await asSuperuser(db, (c) => c.query<{ n: number }>(`select count(*)::int as n from outbox where job_name in ('program.open', 'program.close')`));
    expect(jobs.rows[0].n).toBe(4);
  });

  it('changes nothing when run again', async () => {
    const again = await seedDemoPrograms(baseUrl, tenants, now);
    expect(again.filter((o) => o.outcome !== 'skipped').map((o) => o.outcome)).toEqual(['exists', 'exists']);
    expect(await programRows()).toHaveLength(2);
  });
});
