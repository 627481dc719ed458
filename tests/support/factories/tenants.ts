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
  });
  return { id, kind, districtCodes: districts.map((d) => d.code) };
}

/** The platform tenant (id `platform`) whose users are the platform administrators; created once per database. */
export async function ensurePlatformTenant(db: TestDatabase): Promise<TenantFixture> {
  const exists = await asSuperuser(db, (client) => client.query(`select 1 from tenants where id = 'platform'`));
  if (exists.rowCount === 0) return createTenant(db, { id: 'platform', kind: 'platform', nameZh: '平台', nameEn: 'Platform' });
  return { id: 'platform', kind: 'platform', districtCodes: [] };
}
