import { INestApplication } from '@nestjs/common';
import { configDir } from '@subsidy/config';
import { loadTenantDefinitions, TenantDefinition } from '@subsidy/tenancy';
import { AddressInfo } from 'node:net';
import { createApp } from '../../apps/api/src/create-app';
import { approveDemoOrganizations } from '../../apps/cli/src/demo/approve-demo-organizations';
import { DEMO_ORGANIZATIONS } from '../../apps/cli/src/demo/demo-organizations';
import { seedDemo } from '../../apps/cli/src/demo/seed-demo';
import { syncTenants } from '../../apps/cli/src/tenants/sync-tenants';
import { asSuperuser } from '../support/factories';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * `npm run demo` seeds one applicant organization per tenant; registration now needs a reviewer's approval before the
 * organization may submit, so the demo approves each through the API as the tenant's demo officer, once.
 */
describe('demo organizations', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let baseUrl: string;
  let tenants: TenantDefinition[];

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(db.config);
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

  const organizations = async () =>
    (
      await asSuperuser(db, (c) =>
        c.query<{ tenant_id: string; registration_status: string; registration_flags: string[]; administrator: string | null }>(
          `select o.tenant_id, o.registration_status, o.registration_flags, u.username as administrator
             from organizations o left join users u on u.tenant_id = o.tenant_id and u.id = o.administrator_user_id order by o.tenant_id`,
        ),
      )
    ).rows;

  it('seeds each demo organization pending review, administered by the demo applicant, with a code of its own district', async () => {
    const seeded = await organizations();
    expect(seeded).toHaveLength(Object.keys(DEMO_ORGANIZATIONS).length);
    expect(seeded.every((o) => o.registration_status === 'pending_review' && o.administrator === 'applicant')).toBe(true);
    for (const org of Object.values(DEMO_ORGANIZATIONS)) expect(org.uscc.slice(2, 8)).toBe(org.districtCode);
  });

  it('approves them through the API as each tenant officer, audited, and changes nothing when run again', async () => {
    const first = await approveDemoOrganizations(baseUrl, tenants);
    expect(first.map((o) => o.outcome)).toEqual(Object.keys(DEMO_ORGANIZATIONS).map(() => 'approved'));
    expect((await organizations()).every((o) => o.registration_status === 'verified')).toBe(true);
    const audit = await asSuperuser(db, (c) => c.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'organization.registration_approved' and actor_role = 'program_officer'`));
    expect(audit.rows[0].n).toBe(Object.keys(DEMO_ORGANIZATIONS).length);

    const again = await approveDemoOrganizations(baseUrl, tenants);
    expect(again.every((o) => o.outcome === 'verified')).toBe(true);
  });
});
