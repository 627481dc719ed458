import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import type { TenantGeography } from './placement';

interface TenantFile {
  divisionCode?: unknown;
  districts?: Array<{ code?: unknown; nameZh?: unknown }>;
}

/**
 * Reads a tenant's division codes from `config/tenants/<id>.yaml`, beside the policy folder, so the calculation
 * command places applicants without a database. The file is validated in full by `tenants:sync`; here only the
 * codes and names are taken, and a tenant without a file simply has no map (a request must then name districts).
 */
export function readTenantGeography(policyDir: string, tenant: string): TenantGeography | undefined {
  const file = join(policyDir, '..', 'tenants', `${tenant}.yaml`);
  if (!/^[a-z][a-z0-9-]{1,62}$/.test(tenant) || !existsSync(file)) return undefined;
  const raw = parse(readFileSync(file, 'utf8')) as TenantFile | null;
  if (!raw || typeof raw.divisionCode !== 'string') return undefined;
  const districts = (raw.districts ?? [])
    .filter((d): d is { code: string; nameZh: string } => typeof d.code === 'string' && typeof d.nameZh === 'string')
    .map((d) => ({ code: d.code, name: d.nameZh }));
  return { divisionCode: raw.divisionCode, districts };
}
