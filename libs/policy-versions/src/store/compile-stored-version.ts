import { CompiledPolicy, compilePolicyText, PolicyFileError } from '@subsidy/policy';

/** The columns of a `policy_versions` row the engine needs (camelCase, as the use cases map their rows). */
export interface StoredVersionText {
  tenantId: string;
  policyId: string;
  sourceText: string;
  /** The stored sha256 of `sourceText`; when given it must match, since programs are bound to it. */
  contentHash?: string | null;
}

/** How a stored version is named in an engine error (`policy_versions/<tenant>/<policy id>:line: reason`). */
export function storedVersionLabel(row: Pick<StoredVersionText, 'tenantId' | 'policyId'>): string {
  return `policy_versions/${row.tenantId}/${row.policyId}`;
}

/**
 * Parses, validates (the same JSON Schema as the files) and compiles a stored version's text, checking that the text
 * names the row's policy id and tenant. Throws PolicyFileError (`label:line: reason`) on any problem, including a
 * stored hash that is not the text's own.
 */
export function compileStoredVersion(row: StoredVersionText): CompiledPolicy {
  const label = storedVersionLabel(row);
  const compiled = compilePolicyText(label, row.sourceText, { expectId: row.policyId, expectTenant: row.tenantId });
  if (row.contentHash && row.contentHash.trim() !== compiled.hash) {
    throw new PolicyFileError(label, 1, `stored content hash ${row.contentHash.trim()} is not the text's sha256 ${compiled.hash}`);
  }
  return compiled;
}
