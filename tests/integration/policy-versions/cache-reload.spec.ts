import { TestingModule, Test } from '@nestjs/testing';
import { ConfigModule } from '@subsidy/config';
import { DatabaseModule, poolConfig } from '@subsidy/database';
import { policyInForce } from '@subsidy/policy';
import { PolicyVersionCache, PolicyVersionStoreModule } from '@subsidy/policy-versions';
import { Client } from 'pg';
import { createTenant } from '../../support/factories';
import { waitFor } from '../../support/polling';
import { insertPublishedVersion, weihai2026Text } from '../../support/policy-version-texts';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

const ceilingOf = (cache: PolicyVersionCache, date: string) =>
  policyInForce(cache, 'weihai', date).items.find((item) => item.id === 'std.national.formulate.lead')?.amount;

/** The cache one process holds: loaded at start, reloaded on the publish trigger's NOTIFY or on request. */
describe('PolicyVersionCache: published versions in memory, reloaded without a restart', () => {
  let db: TestDatabase;
  let module: TestingModule;
  let cache: PolicyVersionCache;
  let owner: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    // Created (and imported from config/policies) before the application starts: read at start-up.
    await createTenant(db, { id: 'weihai', divisionCode: '371000', districts: [{ code: '371002', nameZh: '环翠区' }] });
    module = await Test.createTestingModule({ imports: [ConfigModule.forRoot(db.config), DatabaseModule, PolicyVersionStoreModule] }).compile();
    await module.init();
    cache = module.get(PolicyVersionCache);
    owner = new Client(poolConfig(db.config, 'owner'));
    await owner.connect();
  });
  afterAll(async () => {
    await owner?.end();
    await module?.close();
    await db?.drop();
  });

  it('serves the versions stored before it started, with the geography of config/tenants', () => {
    expect(cache.tenants()).toEqual(['weihai']);
    expect(cache.versions('weihai').map((p) => p.id)).toEqual(['weihai-2020']);
    expect(ceilingOf(cache, '2024-03-20')).toMatchObject({ form: 'ceiling', amountFen: 50_000_000 });
    expect(cache.geography('weihai')?.divisionCode).toBe('371000');
    expect(cache.versions('tianjin')).toEqual([]);
  });

  it('takes in a tenant created while it runs (the factory asks the caches of this process to reload it)', async () => {
    await createTenant(db, { id: 'tianjin', divisionCode: '120000', districts: [{ code: '120101' }] });
    expect(cache.versions('tianjin').map((p) => p.id)).toEqual(['tianjin-2021']);
    expect(cache.tenants()).toEqual(['tianjin', 'weihai']);
  });

  it('reloads only the notified tenant when another connection publishes, compiling only the new version', async () => {
    const weihai2020 = cache.versions('weihai')[0];
    const tianjin = cache.versions('tianjin');
    // Another process publishes (any connection: the trigger notifies on commit).
    await insertPublishedVersion(owner, 'weihai', 'weihai-2026', weihai2026Text());
    await waitFor('the cache to take in weihai-2026', async () => cache.versions('weihai').some((p) => p.id === 'weihai-2026'), 5_000);

    expect(cache.versions('weihai').map((p) => p.id)).toEqual(['weihai-2020', 'weihai-2026']);
    expect(cache.versions('weihai')[0]).toBe(weihai2020); // the same compiled object: not compiled again
    expect(cache.versions('tianjin')).toBe(tianjin); // the other tenant was not re-read
    expect(ceilingOf(cache, '2026-03-20')).toMatchObject({ form: 'ceiling', amountFen: 60_000_000 });
    expect(ceilingOf(cache, '2024-03-20')).toMatchObject({ form: 'ceiling', amountFen: 50_000_000 });
  });

  it('reload(tenant) reads a tenant at once, for the publishing process itself; drafts are never served', async () => {
    const text = weihai2026Text().replace(/^id: weihai-2026$/m, 'id: weihai-2029').replace('effectiveFrom: "2026-01-01"', 'effectiveFrom: "2029-01-01"').replace('effectiveTo: "2028-12-31"', 'effectiveTo: "2030-12-31"');
    await owner.query('begin');
    await owner.query(`select set_config('app.tenant_id', 'weihai', true)`);
    await owner.query(`insert into policy_versions (tenant_id, policy_id, state, source_text, author) values ('weihai', 'weihai-2031', 'draft', $1, 'officer-a')`, [text]);
    await owner.query('commit');
    await insertPublishedVersion(owner, 'weihai', 'weihai-2029', text);
    await cache.reload('weihai');
    // No waiting: reload resolves once the tenant is read.
    expect(cache.versions('weihai').map((p) => p.id)).toEqual(['weihai-2020', 'weihai-2026', 'weihai-2029']);
  });

  it('reloadAll (the minute\'s safety net) catches a change whose notification was missed', async () => {
    // Stop listening, publish, and let the refresh find it.
    const listener = (cache as unknown as { listener?: Client }).listener;
    expect(listener).toBeDefined();
    await listener!.query('UNLISTEN *');
    const text = weihai2026Text().replace(/^id: weihai-2026$/m, 'id: weihai-2033').replace('effectiveFrom: "2026-01-01"', 'effectiveFrom: "2033-01-01"').replace('effectiveTo: "2028-12-31"', 'effectiveTo: "2034-12-31"');
    await insertPublishedVersion(owner, 'weihai', 'weihai-2033', text);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(cache.versions('weihai').map((p) => p.id)).not.toContain('weihai-2033');
    await cache.reloadAll();
    expect(cache.versions('weihai').map((p) => p.id)).toContain('weihai-2033');
  });
});
