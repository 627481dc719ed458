import { configDir } from '@subsidy/config';
import { importPolicyFiles, importProblems, PolicyVersionCache } from '@subsidy/policy-versions/store';
import { TestDatabase } from '../test-database';
import { asSuperuser } from './superuser';
import { uniqueSuffix } from './unique';

export interface DistrictSpec {
  code: string;
  nameZh?: string;
  nameEn?: string;
}

export interface TenantSpec {
  /** Defaults to a unique `t-xxxx` id. */
  id?: string;
  kind?: 'government' | 'platform';
  nameZh?: string;
  nameEn?: string;
  divisionCode?: string;
  /** Defaults to two districts, 370102 and 370103 (for the platform tenant: none). */
  districts?: DistrictSpec[];
}

export interface TenantFixture {
  id: string;
  kind: 'government' | 'platform';
  districtCodes: string[];
}

/**
 * Inserts a tenant and its districts through the superuser connection, as an operator's onboarding would.
 * Usage: `const tenant = await createTenant(db)`; `createTenant(db, { districts: [{ code: '370102' }] })`.
 */
export async function createTenant(db: TestDatabase, spec: TenantSpec = {}): Promise<TenantFixture> {
  const kind = spec.kind ?? 'government';
  const id = spec.id ?? `t-${uniqueSuffix()}`;
  const districts = spec.districts ?? (kind === 'platform' ? [] : [{ code: '370102' }, { code: '370103' }]);
  await asSuperuser(db, async (client) => {
    await client.query(`insert into tenants (id, kind, name_zh, name_en, division_code) values ($1, $2, $3, $4, $5)`, [
      id,
      kind,
      spec.nameZh ?? `测试市${id}`,
      spec.nameEn ?? `Test city ${id}`,
      spec.divisionCode ?? (kind === 'platform' ? '100000' : '370100'),
    ]);
    for (const district of districts) {
      await client.query(`insert into districts (tenant_id, code, name_zh, name_en) values ($1, $2, $3, $4)`, [
        id,
        district.code,
        district.nameZh ?? `区${district.code}`,
        district.nameEn ?? `District ${district.code}`,
      ]);
    }
    // A tenant with files in config/policies gets them as its published versions, as `tenants:sync` gives them.
    await importTenantPolicies(client, id);
  });
  // The applications running in this process price with the new tenant's versions from the next request on.
  await PolicyVersionCache.reloadInProcess(id);
  return { id, kind, districtCodes: districts.map((d) => d.code) };
}

/** The platform tenant (id `platform`) whose users are the platform administrators; created once per database. */
export async function ensurePlatformTenant(db: TestDatabase): Promise<TenantFixture> {
  const exists = await asSuperuser(db, (client) => client.query(`select 1 from tenants where id = 'platform'`));
  if (exists.rowCount === 0) return createTenant(db, { id: 'platform', kind: 'platform', nameZh: '平台', nameEn: 'Platform' });
  return { id: 'platform', kind: 'platform', districtCodes: [] };
}

async function importTenantPolicies(client: import('pg').Client, tenantId: string): Promise<void> {
  await client.query('begin');
  try {
    const report = await importPolicyFiles(client, tenantId, process.env.POLICY_DIR ?? configDir('policies'));
    const problems = importProblems(report);
    if (problems.length > 0) throw new Error(problems.join('\n'));
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}
