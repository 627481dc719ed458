import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configDir } from '@subsidy/config';
import { poolConfig } from '@subsidy/database';
import { PolicyFileError } from '@subsidy/policy';
import { compileStoredVersion, importPolicyFiles, importProblems, IMPORT_AUTHOR } from '@subsidy/policy-versions';
import { loadTenantDefinitions } from '@subsidy/tenancy';
import { Client } from 'pg';
import { syncTenants } from '../../../apps/cli/src/tenants/sync-tenants';
import { asSuperuser } from '../../support/factories';
import { weihai2026Text } from '../../support/policy-version-texts';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

const POLICIES = configDir('policies');
const WEIHAI_FILE = join(POLICIES, 'weihai', 'weihai-2020.yaml');
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('policy versions store: import of config/policies, isolation, immutability', () => {
  let db: TestDatabase;
  let owner: Client;
  let app: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    // Registry rows only: this suite imports the files itself.
    await asSuperuser(db, async (client) => {
      for (const [id, code] of [['weihai', '371000'], ['tianjin', '120000']]) {
        await client.query(`insert into tenants (id, kind, name_zh, name_en, division_code) values ($1, 'government', $1, $1, $2)`, [id, code]);
      }
    });
    owner = new Client(poolConfig(db.config, 'owner'));
    app = new Client(poolConfig(db.config, 'app'));
    await owner.connect();
    await app.connect();
  });
  afterAll(async () => {
    await owner?.end();
    await app?.end();
    await db?.drop();
  });

  async function importAs(client: Client, tenantId: string, dir = POLICIES) {
    await client.query('begin');
    try {
      const report = await importPolicyFiles(client, tenantId, dir);
      await client.query('commit');
      return report;
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
  }

  async function inTenant<T>(client: Client, tenantId: string | null, work: () => Promise<T>): Promise<T> {
    await client.query('begin');
    try {
      if (tenantId) await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
      return await work();
    } finally {
      await client.query('rollback');
    }
  }

  it('imports each file as a published version with its hash, dates and cases, and leaves it alone the second time', async () => {
    const first = await importAs(owner, 'weihai');
    expect(first).toMatchObject({ imported: ['weihai-2020'], unchanged: [], conflicts: [], errors: [] });

    const [row] = (await asSuperuser(db, (c) => c.query(`select * from policy_versions where tenant_id = 'weihai'`))).rows;
    const text = readFileSync(WEIHAI_FILE, 'utf8');
    expect(row).toMatchObject({ policy_id: 'weihai-2020', state: 'published', author: IMPORT_AUTHOR, source_text: text, content_hash: sha256(text) });
    expect(row.effective_from).toBeTruthy();
    const dates = (await asSuperuser(db, (c) => c.query(`select effective_from::text as f, effective_to::text as t from policy_versions where tenant_id = 'weihai'`))).rows[0];
    expect(dates).toEqual({ f: '2020-01-01', t: '2024-12-31' });
    expect(row.cases_text).toBe(readFileSync(join(POLICIES, 'weihai', 'cases', 'weihai-2020.yaml'), 'utf8'));
    expect(row.cases_text).toContain('tenant: weihai');
    // The stored row compiles to the hash programs created under the file hold.
    expect(compileStoredVersion({ tenantId: 'weihai', policyId: row.policy_id, sourceText: row.source_text, contentHash: row.content_hash }).hash).toBe(sha256(text));

    const again = await importAs(owner, 'weihai');
    expect(again).toMatchObject({ imported: [], unchanged: ['weihai-2020'], conflicts: [], errors: [] });
    const count = (await asSuperuser(db, (c) => c.query(`select count(*)::int as n from policy_versions where tenant_id = 'weihai'`))).rows[0].n;
    expect(count).toBe(1);
  });

  it('reports a file whose published version holds another text, and never overwrites the stored one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-import-'));
    try {
      cpSync(join(POLICIES, 'weihai'), join(dir, 'weihai'), { recursive: true });
      const edited = readFileSync(WEIHAI_FILE, 'utf8').replace('title: 威海市标准化资助资金管理办法', 'title: 威海市标准化资助资金管理办法（修订）');
      writeFileSync(join(dir, 'weihai', 'weihai-2020.yaml'), edited);

      const report = await importAs(owner, 'weihai', dir);
      expect(report.imported).toEqual([]);
      expect(report.conflicts).toEqual([{ policyId: 'weihai-2020', file: join(dir, 'weihai', 'weihai-2020.yaml'), storedHash: sha256(readFileSync(WEIHAI_FILE, 'utf8')), fileHash: sha256(edited) }]);
      expect(importProblems(report)[0]).toMatch(/weihai-2020\.yaml: published version weihai-2020 of weihai holds another text/);
      const stored = (await asSuperuser(db, (c) => c.query(`select content_hash from policy_versions where tenant_id = 'weihai'`))).rows;
      expect(stored).toEqual([{ content_hash: sha256(readFileSync(WEIHAI_FILE, 'utf8')) }]);

      // tenants:sync synchronises the registry, then fails naming the file.
      const weihai = loadTenantDefinitions(configDir('tenants')).filter((t) => t.id === 'weihai');
      await expect(syncTenants(db.config, weihai, dir)).rejects.toThrow(/policy versions not imported:\n.*weihai-2020\.yaml: published version weihai-2020/);
      const reports = await syncTenants(db.config, weihai, POLICIES);
      expect(reports).toEqual([{ tenantId: 'weihai', imported: [], unchanged: ['weihai-2020'], conflicts: [], errors: [] }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a file that does not compile, and stores nothing of it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-import-'));
    try {
      cpSync(join(POLICIES, 'tianjin'), join(dir, 'tianjin'), { recursive: true });
      writeFileSync(join(dir, 'tianjin', 'tianjin-2099.yaml'), 'id: tianjin-2099\ntenant: tianjin\ntitle: 坏的\n');
      const report = await importAs(owner, 'tianjin', dir);
      expect(report.imported).toEqual(['tianjin-2021']);
      expect(report.errors).toHaveLength(1);
      expect(report.errors[0]).toMatch(/tianjin-2099\.yaml:\d+: /);
      const ids = (await asSuperuser(db, (c) => c.query(`select policy_id from policy_versions where tenant_id = 'tianjin'`))).rows;
      expect(ids).toEqual([{ policy_id: 'tianjin-2021' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('row-level security: the application sees only the current tenant\'s versions, and none without a tenant', async () => {
    const seen = await inTenant(app, 'tianjin', async () => (await app.query(`select tenant_id, policy_id from policy_versions order by policy_id`)).rows);
    expect(seen).toEqual([{ tenant_id: 'tianjin', policy_id: 'tianjin-2021' }]);
    const weihaiRows = await inTenant(app, 'tianjin', async () => (await app.query(`select 1 from policy_versions where tenant_id = 'weihai'`)).rowCount);
    expect(weihaiRows).toBe(0);
    const noTenant = await inTenant(app, null, async () => (await app.query(`select 1 from policy_versions`)).rowCount);
    expect(noTenant).toBe(0);
    // Nor can one tenant write a version into another's rows.
    await expect(
      inTenant(app, 'tianjin', () =>
        app.query(`insert into policy_versions (tenant_id, policy_id, state, source_text, author) values ('weihai', 'weihai-2099', 'draft', 'x', 'someone')`),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('refuses to change or delete a published version, for the application and the owner alike', async () => {
    for (const client of [app, owner]) {
      await expect(inTenant(client, 'weihai', () => client.query(`update policy_versions set change_note = 'edited' where policy_id = 'weihai-2020'`))).rejects.toThrow(
        /published policy version weihai-2020 of weihai is immutable/,
      );
      await expect(inTenant(client, 'weihai', () => client.query(`update policy_versions set source_text = $1 where policy_id = 'weihai-2020'`, [weihai2026Text()]))).rejects.toThrow(/immutable/);
      await expect(inTenant(client, 'weihai', () => client.query(`delete from policy_versions where policy_id = 'weihai-2020'`))).rejects.toThrow(/immutable/);
    }
    const stored = (await asSuperuser(db, (c) => c.query(`select content_hash, change_note from policy_versions where tenant_id = 'weihai'`))).rows[0];
    expect(stored.content_hash).toBe(sha256(readFileSync(WEIHAI_FILE, 'utf8')));
  });

  it('compileStoredVersion names the row and refuses a text that is not its id\'s, or a stored hash that is not the text\'s', () => {
    const text = weihai2026Text();
    expect(compileStoredVersion({ tenantId: 'weihai', policyId: 'weihai-2026', sourceText: text, contentHash: sha256(text) }).id).toBe('weihai-2026');
    expect(() => compileStoredVersion({ tenantId: 'weihai', policyId: 'weihai-2027', sourceText: text })).toThrow(PolicyFileError);
    expect(() => compileStoredVersion({ tenantId: 'tianjin', policyId: 'weihai-2026', sourceText: text })).toThrow(/policy_versions\/tianjin\/weihai-2026:/);
    expect(() => compileStoredVersion({ tenantId: 'weihai', policyId: 'weihai-2026', sourceText: text, contentHash: sha256('other') })).toThrow(/stored content hash/);
  });
});
