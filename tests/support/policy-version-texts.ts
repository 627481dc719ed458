import { configDir } from '@subsidy/config';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Weihai 2026 successor the issue describes, made from the shipped weihai-2020 text: valid 2026-01-01 to
 * 2028-12-31, the national-standard lead-formulate ceiling (第六条) raised from 50万 to 60万, every other line unchanged.
 */
export function weihai2026Text(): string {
  const text = readFileSync(join(configDir('policies'), 'weihai', 'weihai-2020.yaml'), 'utf8');
  const raised = text.replace(/(id: std\.national\.formulate\.lead\n(?:    .*\n)*?    ceiling: )"50万"/, '$1"60万"');
  const result = raised
    .replace(/^id: weihai-2020$/m, 'id: weihai-2026')
    .replace(/^effectiveFrom: "2020-01-01"/m, 'effectiveFrom: "2026-01-01"')
    .replace(/^effectiveTo: "2024-12-31"/m, 'effectiveTo: "2028-12-31"');
  if (raised === text || !result.includes('id: weihai-2026') || !result.includes('"2028-12-31"')) throw new Error('weihai-2020.yaml no longer has the lines weihai2026Text rewrites');
  return result;
}

/**
 * Stores a published version directly with SQL, as the publish use case's commit leaves it (two officers, hash of the
 * text, validity from the text), inside its own tenant transaction on the given connection (owner or application
 * role). The row's trigger notifies every process.
 */
export async function insertPublishedVersion(
  client: { query(sql: string, params?: unknown[]): Promise<unknown> },
  tenantId: string,
  policyId: string,
  sourceText: string,
): Promise<string> {
  const hash = createHash('sha256').update(sourceText, 'utf8').digest('hex');
  const from = /^effectiveFrom: "([0-9-]{10})"/m.exec(sourceText)?.[1];
  const to = /^effectiveTo: "([0-9-]{10})"/m.exec(sourceText)?.[1] ?? null;
  if (!from) throw new Error('the text has no effectiveFrom');
  await client.query('begin');
  try {
    await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
    await client.query(
      `insert into policy_versions (tenant_id, policy_id, state, source_text, content_hash, effective_from, effective_to,
                                    change_note, author, reviewer, submitted_at, reviewed_at, published_at)
       values ($1, $2, 'published', $3, $4, $5, $6, 'test', 'officer-a', 'officer-b', now(), now(), now())`,
      [tenantId, policyId, sourceText, hash, from, to],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
  return hash;
}
