import { TestDatabase } from '../test-database';
import { asSuperuser } from './superuser';
import { makeUscc } from './uscc';
import { uniqueSuffix } from './unique';

export interface OrganizationSpec {
  tenantId: string;
  districtCode: string;
  uscc?: string;
  name?: string;
  kind?: 'enterprise' | 'institution' | 'social_org' | 'individual' | 'service_agency';
}

export interface OrganizationFixture {
  id: string;
  tenantId: string;
  uscc: string;
  name: string;
  districtCode: string;
}

/** Inserts an organization directly (no audit record): for tests that need one to exist, not to test registration. */
export async function createOrganization(db: TestDatabase, spec: OrganizationSpec): Promise<OrganizationFixture> {
  const uscc = spec.uscc ?? makeUscc();
  const name = spec.name ?? `测试企业${uniqueSuffix()}有限公司`;
  const { rows } = await asSuperuser(db, (client) =>
    client.query<{ id: string }>(
      `insert into organizations (tenant_id, uscc, name, kind, district_code) values ($1, $2, $3, $4, $5) returning id`,
      [spec.tenantId, uscc, name, spec.kind ?? 'enterprise', spec.districtCode],
    ),
  );
  return { id: rows[0].id, tenantId: spec.tenantId, uscc, name, districtCode: spec.districtCode };
}
