import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { basename, join, relative } from 'path';
import { PolicyEngineError, PolicyFileError } from '../errors';
import type { CompiledPolicy } from '../model';
import { compilePolicyText } from './compile-policy';
import { readTenantGeography } from '../placement/geography-file';
import type { TenantGeography } from '../placement/placement';

/** All tenants' policy versions, loaded and validated. */
export interface PolicyRepository {
  dir: string;
  tenants(): string[];
  versions(tenant: string): CompiledPolicy[];
  /** The tenant's division codes, to place applicants by credit code; absent where the repository has no map. */
  geography?(tenant: string): TenantGeography | undefined;
}

/** Reads each tenant's map once, on first use. */
function geographyReader(dir: string): (tenant: string) => TenantGeography | undefined {
  const cache = new Map<string, TenantGeography | undefined>();
  return (tenant) => {
    if (!cache.has(tenant)) cache.set(tenant, readTenantGeography(dir, tenant));
    return cache.get(tenant);
  };
}

/** Reads `<dir>/<tenant>/<version-id>.yaml`. Throws PolicyFileError (`file:line: reason`) on the first bad file. */
export function loadPolicyRepository(dir: string): PolicyRepository {
  const { policies, errors } = scanPolicies(dir);
  if (errors.length > 0) throw errors[0];
  return repositoryOf(dir, policies);
}

/**
 * A repository that reads a tenant's files only when that tenant is first asked for (a one-shot command needs one
 * tenant). A bad file of that tenant throws PolicyFileError from `versions()`.
 */
export function lazyPolicyRepository(dir: string): PolicyRepository {
  const folders = tenantFolders(dir);
  if ('error' in folders) throw folders.error;
  const loaded = new Map<string, CompiledPolicy[]>();
  return {
    dir,
    tenants: () => folders.tenants.filter((t) => policyFiles(join(dir, t)).length > 0),
    versions: (tenant) => {
      const cached = loaded.get(tenant);
      if (cached) return cached;
      if (!folders.tenants.includes(tenant)) return [];
      const { policies, errors } = scanTenant(dir, tenant);
      if (errors.length > 0) throw errors[0];
      const sorted = sortVersions(policies);
      loaded.set(tenant, sorted);
      return sorted;
    },
    geography: geographyReader(dir),
  };
}

function tenantFolders(dir: string): { tenants: string[] } | { error: PolicyFileError } {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { error: new PolicyFileError(dir, 1, 'policy folder does not exist') };
  return { tenants: readdirSync(dir).sort().filter((t) => statSync(join(dir, t)).isDirectory()) };
}

function policyFiles(tenantDir: string): string[] {
  return readdirSync(tenantDir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
}

function scanTenant(dir: string, tenant: string): { policies: CompiledPolicy[]; errors: PolicyFileError[] } {
  const policies: CompiledPolicy[] = [];
  const errors: PolicyFileError[] = [];
  const cwd = process.cwd();
  for (const name of policyFiles(join(dir, tenant))) {
    const full = join(dir, tenant, name);
    const shown = relative(cwd, full).startsWith('..') ? full : relative(cwd, full);
    try {
      policies.push(
        compilePolicyText(shown, readFileSync(full, 'utf8'), { expectId: basename(name).replace(/\.ya?ml$/, ''), expectTenant: tenant }),
      );
    } catch (error) {
      if (error instanceof PolicyFileError) errors.push(error);
      else throw error;
    }
  }
  return { policies, errors };
}

/** Loads every file it can and collects every file's error (for `policy:check`). */
export function scanPolicies(dir: string): { policies: CompiledPolicy[]; errors: PolicyFileError[] } {
  const folders = tenantFolders(dir);
  if ('error' in folders) return { policies: [], errors: [folders.error] };
  const results = folders.tenants.map((tenant) => scanTenant(dir, tenant));
  return { policies: results.flatMap((r) => r.policies), errors: results.flatMap((r) => r.errors) };
}

function sortVersions(list: CompiledPolicy[]): CompiledPolicy[] {
  return [...list].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : a.id < b.id ? -1 : 1));
}

export function repositoryOf(dir: string, policies: CompiledPolicy[]): PolicyRepository {
  const byTenant = new Map<string, CompiledPolicy[]>();
  for (const p of policies) byTenant.set(p.tenant, [...(byTenant.get(p.tenant) ?? []), p]);
  for (const [tenant, list] of byTenant) byTenant.set(tenant, sortVersions(list));
  return {
    dir,
    tenants: () => [...byTenant.keys()].sort(),
    versions: (tenant) => byTenant.get(tenant) ?? [],
    geography: geographyReader(dir),
  };
}

/** Whether the version is in force on the calendar date: effectiveFrom <= date <= effectiveTo (null = no end). */
export function isInForceOn(policy: Pick<CompiledPolicy, 'effectiveFrom' | 'effectiveTo'>, date: string): boolean {
  return policy.effectiveFrom <= date && (policy.effectiveTo === null || date <= policy.effectiveTo);
}

/**
 * The version in force on `date`: effectiveFrom <= date <= effectiveTo. When versions overlap, the latest
 * effectiveFrom wins (a newer version replaces the older one from its start).
 */
export function policyInForce(repo: PolicyRepository, tenant: string, date: string): CompiledPolicy {
  const versions = repo.versions(tenant);
  if (versions.length === 0) {
    throw new PolicyEngineError('unknown_tenant', `unknown tenant "${tenant}"; known tenants: ${repo.tenants().join(', ') || '(none)'}`);
  }
  const inForce = versions.filter((p) => isInForceOn(p, date));
  if (inForce.length === 0) {
    const spans = versions.map((p) => `${p.id} ${p.effectiveFrom}..${p.effectiveTo ?? ''}`).join('; ');
    throw new PolicyEngineError('no_policy_in_force', `no policy of ${tenant} is in force on ${date} (versions: ${spans})`, '$.applicationDate');
  }
  return inForce[inForce.length - 1];
}
