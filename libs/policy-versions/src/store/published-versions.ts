import { CompiledPolicy } from '@subsidy/policy';
import { EntityManager } from 'typeorm';
import { compileStoredVersion } from './compile-stored-version';

/** Pg channel the publish trigger notifies (payload: the tenant id); see migration 1763900012000. */
export const POLICY_VERSIONS_CHANNEL = 'policy_versions_changed';

interface PublishedRow {
  policy_id: string;
  content_hash: string;
  source_text: string | null;
}

/**
 * Reads a tenant's published versions inside its tenant transaction (row-level security applies) and compiles them,
 * reusing `known` compiled versions by hash: the text of a version already compiled is not even fetched, so the
 * minute's safety-net refresh costs one small query per tenant.
 */
export async function loadPublishedVersions(manager: EntityManager, tenantId: string, known: readonly CompiledPolicy[]): Promise<CompiledPolicy[]> {
  const byKey = new Map(known.map((p) => [`${p.id}:${p.hash}`, p]));
  const rows: PublishedRow[] = await manager.query(
    `select policy_id, content_hash::text as content_hash,
            case when policy_id || ':' || content_hash::text = any($1::text[]) then null else source_text end as source_text
       from policy_versions
      where state = 'published'`,
    [[...byKey.keys()]],
  );
  const compiled = rows.map((row) => {
    const reused = byKey.get(`${row.policy_id}:${row.content_hash}`);
    if (reused && row.source_text === null) return reused;
    return compileStoredVersion({ tenantId, policyId: row.policy_id, sourceText: row.source_text ?? '', contentHash: row.content_hash });
  });
  return sortVersions(compiled);
}

/** The order the file repository gives: by effectiveFrom, then id (policyInForce takes the last one in force). */
export function sortVersions(list: CompiledPolicy[]): CompiledPolicy[] {
  return [...list].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : a.id < b.id ? -1 : 1));
}
