import { AppConfig, configDir } from '@subsidy/config';
import { poolConfig } from '@subsidy/database';
import { importPolicyFiles, importProblems, PolicyImportReport, PolicyVersionCache } from '@subsidy/policy-versions/store';
import { TenantDefinition } from '@subsidy/tenancy';
import { Client } from 'pg';

/**
 * Creates or updates tenants and their districts from their definitions, as the owner role (only the owner may
 * write the tenant registry). Districts are tenant-owned rows, so each tenant's are written under its own tenant id.
 * Each tenant's files in config/policies (or POLICY_DIR) become its published policy versions (issue 11), in the same
 * transaction; a file whose published version holds another text is refused (published versions are immutable): the
 * other tenants are still synchronised, then the command fails naming every such file.
 */
export async function syncTenants(config: AppConfig, tenants: TenantDefinition[], policyDir = process.env.POLICY_DIR ?? configDir('policies')): Promise<PolicyImportReport[]> {
  const reports: PolicyImportReport[] = [];
  const client = new Client(poolConfig(config, 'owner'));
  await client.connect();
  try {
    for (const t of tenants) {
      await client.query('begin');
      await client.query(
        `insert into tenants (id, kind, name_zh, name_en, division_code) values ($1, $2, $3, $4, $5)
         on conflict (id) do update set kind = excluded.kind, name_zh = excluded.name_zh, name_en = excluded.name_en, division_code = excluded.division_code`,
        [t.id, t.kind, t.nameZh, t.nameEn, t.divisionCode],
      );
      await client.query(`select set_config('app.tenant_id', $1, true)`, [t.id]);
      for (const d of t.districts) {
        await client.query(
          `insert into districts (tenant_id, code, name_zh, name_en) values ($1, $2, $3, $4)
           on conflict (tenant_id, code) do update set name_zh = excluded.name_zh, name_en = excluded.name_en`,
          [t.id, d.code, d.nameZh, d.nameEn],
        );
      }
      reports.push(await importPolicyFiles(client, t.id, policyDir));
      await client.query('commit');
      // Applications running in this process (the demo's replay, tests) see the versions at once; others on NOTIFY.
      await PolicyVersionCache.reloadInProcess(t.id);
    }
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  const problems = reports.flatMap(importProblems);
  if (problems.length > 0) throw new Error(`policy versions not imported:\n${problems.join('\n')}`);
  return reports;
}
