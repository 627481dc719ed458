import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { compilePolicyText, PolicyFileError } from '@subsidy/policy';

/** The author (and reviewer) of versions taken from the repository's files rather than drafted in the product. */
export const IMPORT_AUTHOR = 'import:config';

/** A pg client inside a transaction the caller opened (and commits). */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: any[]; rowCount: number | null }>;
}

export interface PolicyImportReport {
  tenantId: string;
  /** Policy ids newly stored as published versions. */
  imported: string[];
  /** Policy ids already stored with the file's exact text. */
  unchanged: string[];
  /** A published version of that id holds another text: published versions are immutable, the file is not taken. */
  conflicts: Array<{ policyId: string; file: string; storedHash: string; fileHash: string }>;
  /** Files that do not compile (the same message `policy:check` prints). */
  errors: string[];
}

/** Whether the report asks an operator to act (a conflict or a bad file). */
export function importProblems(report: PolicyImportReport): string[] {
  return [
    ...report.conflicts.map((c) => `${c.file}: published version ${c.policyId} of ${report.tenantId} holds another text (stored ${c.storedHash}, file ${c.fileHash}); published versions are immutable: give the changed text a new id`),
    ...report.errors,
  ];
}

/** `<dir>/<tenant>/*.yaml`, the files the engine's file repository reads (cases live in `<dir>/<tenant>/cases/`). */
function policyFilesOf(dir: string, tenantId: string): string[] {
  const folder = join(dir, tenantId);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return [];
  return readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name) && statSync(join(folder, name)).isFile())
    .sort();
}

/**
 * Takes a tenant's policy files (`<dir>/<tenant>/<id>.yaml`, dir = config/policies or POLICY_DIR) as its initial
 * published versions: author `import:config`, content hash = sha256 of the file's text (so programs created under the
 * files keep their hash), validity from the file, and the case table `<dir>/<tenant>/cases/<id>.yaml` when there is
 * one. Idempotent: a version already stored with the same text is left alone; one stored with another text is a
 * conflict, reported and never overwritten. Must run inside the caller's transaction; sets the tenant for RLS.
 */
export async function importPolicyFiles(db: Queryable, tenantId: string, dir: string): Promise<PolicyImportReport> {
  const report: PolicyImportReport = { tenantId, imported: [], unchanged: [], conflicts: [], errors: [] };
  const files = policyFilesOf(dir, tenantId);
  if (files.length === 0) return report;
  await db.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
  for (const name of files) {
    const file = join(dir, tenantId, name);
    const policyId = name.replace(/\.ya?ml$/, '');
    const text = readFileSync(file, 'utf8');
    let compiled;
    try {
      compiled = compilePolicyText(file, text, { expectId: policyId, expectTenant: tenantId });
    } catch (error) {
      if (error instanceof PolicyFileError) {
        report.errors.push(error.message);
        continue;
      }
      throw error;
    }
    // The engine's hash of the file: sha256 of its exact text, the hash programs created under the file hold.
    const hash = compiled.hash;
    const casesFile = join(dir, tenantId, 'cases', `${policyId}.yaml`);
    const casesText = existsSync(casesFile) ? readFileSync(casesFile, 'utf8') : '';
    const inserted = await db.query(
      `insert into policy_versions (tenant_id, policy_id, state, source_text, cases_text, content_hash, effective_from, effective_to,
                                    change_note, author, submitted_at, reviewed_at, published_at)
       values ($1, $2, 'published', $3, $4, $5, $6, $7, $8, $9, now(), now(), now())
       on conflict (tenant_id, policy_id) where state = 'published' do nothing`,
      [tenantId, policyId, text, casesText, hash, compiled.effectiveFrom, compiled.effectiveTo, `导入自 ${tenantId}/${name}`, IMPORT_AUTHOR],
    );
    if (inserted.rowCount === 1) {
      report.imported.push(policyId);
      continue;
    }
    const { rows } = await db.query(`select content_hash::text as hash from policy_versions where policy_id = $1 and state = 'published'`, [policyId]);
    const storedHash = String(rows[0]?.hash ?? '');
    if (storedHash === hash) report.unchanged.push(policyId);
    else report.conflicts.push({ policyId, file, storedHash, fileHash: hash });
  }
  return report;
}
