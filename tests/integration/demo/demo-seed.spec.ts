import { describeHashParameters, dummyPasswordHash, verifyPassword } from '@subsidy/auth';
import { configDir } from '@subsidy/config';
import { loadTenantDefinitions, TenantDefinition } from '@subsidy/tenancy';
import { DEMO_ORGANIZATIONS } from '../../../apps/cli/src/demo/demo-organizations';
import { DEMO_PASSWORD, DEMO_REFUSED_IN_PRODUCTION, demoUsersOf, seedDemo } from '../../../apps/cli/src/demo/seed-demo';
import { syncTenants } from '../../../apps/cli/src/tenants/sync-tenants';
import { asSuperuser } from '../../support/factories';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

interface SeededUser {
  tenant_id: string;
  username: string;
  role: string;
  email: string | null;
  password_hash: string;
}

/** The demo seed (`npm run demo`, `npm run demo:seed`) against a real database. */
describe('demo seed', () => {
  let db: TestDatabase;
  let tenants: TenantDefinition[];
  const seeded = async () =>
    (await asSuperuser(db, (c) => c.query<SeededUser>(`select tenant_id, username, role, email, password_hash from users order by tenant_id, username`))).rows;

  beforeAll(async () => {
    db = await createTestDatabase();
    tenants = loadTenantDefinitions(configDir('tenants'));
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('refuses NODE_ENV=production with one line, before writing anything', async () => {
    expect(DEMO_REFUSED_IN_PRODUCTION).not.toContain('\n');
    await expect(seedDemo({ ...db.config, env: 'production' }, tenants)).rejects.toThrow(DEMO_REFUSED_IN_PRODUCTION);
    expect(await seeded()).toEqual([]);
  });

  it('seeds a tenant administrator `admin` per government tenant and one person per account', async () => {
    await syncTenants(db.config, tenants);
    const returned = await seedDemo(db.config, tenants);
    const rows = await seeded();
    expect(rows).toHaveLength(tenants.flatMap(demoUsersOf).length);
    expect(returned).toHaveLength(rows.length);
    for (const tenant of tenants) {
      const admin = rows.find((r) => r.tenant_id === tenant.id && r.username === 'admin');
      expect({ tenant: tenant.id, role: admin?.role }).toEqual({ tenant: tenant.id, role: tenant.kind === 'platform' ? 'platform_admin' : 'tenant_admin' });
    }
    const emails = rows.map((r) => `${r.tenant_id} ${r.email}`);
    expect(new Set(emails).size).toBe(rows.length);
    expect(rows.every((r) => r.email !== null)).toBe(true);
  });

  it("gives each demo applicant's district an active district reviewer, so its first application does not wait unseen", async () => {
    const { rows } = await asSuperuser(db, (c) =>
      c.query<{ tenant_id: string; district_code: string; reviewers: number }>(
        `select o.tenant_id, o.district_code,
                (select count(*)::int from users u
                  where u.tenant_id = o.tenant_id and u.role = 'district_reviewer' and u.active and u.district_code = o.district_code) as reviewers
           from organizations o order by o.tenant_id`,
      ),
    );
    expect(rows.map((r) => r.tenant_id).sort()).toEqual(Object.keys(DEMO_ORGANIZATIONS).sort());
    expect(rows.filter((r) => r.reviewers !== 1)).toEqual([]);
  });

  it('hashes with the product\'s parameters, the ones the dummy hash of an unknown user has', async () => {
    const rows = await seeded();
    const dummy = describeHashParameters(await dummyPasswordHash());
    expect(dummy).toBeDefined();
    for (const row of rows) expect(describeHashParameters(row.password_hash)).toEqual(dummy);
    await expect(verifyPassword(rows[0].password_hash, DEMO_PASSWORD)).resolves.toBe(true);
  });

  it('is idempotent', async () => {
    const before = await seeded();
    await seedDemo(db.config, tenants);
    expect(await seeded()).toEqual(before);
  });
});
