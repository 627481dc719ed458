import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { NameMatcher } from '../match/name-matcher';
import { rowMatch } from '../match/match-entry';
import { normalizeName } from '../match/normalize-name';
import { ListItem } from './list-items';

/** One row as inserted (jsonb_to_recordset reads these names). */
interface RowRecord {
  row_number: number;
  party_rank: number | null;
  row_key: string;
  status: string;
  party_name: string | null;
  credit_code: string | null;
  name_key: string | null;
  achievement_key: string | null;
  fields: Record<string, string>;
  cells: string[] | null;
  reason_zh: string | null;
  reason_en: string | null;
  organization_id: string | null;
  match_method: string | null;
  candidates: unknown[];
}

/** An item as its row: an entry matched now against the tenant's organizations, a refusal with its reason. */
export function rowRecord(item: ListItem, matcher: NameMatcher): RowRecord {
  if (item.kind === 'rejected') {
    const { row } = item;
    return {
      row_number: row.rowNumber,
      party_rank: null,
      // Refused rows are keyed by their place in the file and what it holds: the same refusal is stored once.
      row_key: createHash('sha256').update(JSON.stringify(['rejected', row.rowNumber, row.cells])).digest('hex'),
      status: 'rejected',
      party_name: null,
      credit_code: null,
      name_key: null,
      achievement_key: null,
      fields: {},
      cells: row.cells,
      reason_zh: row.reason.zh,
      reason_en: row.reason.en,
      organization_id: null,
      match_method: null,
      candidates: [],
    };
  }
  const { entry } = item;
  const match = rowMatch(matcher.match(entry.partyName, entry.creditCode));
  return {
    row_number: entry.rowNumber,
    party_rank: entry.partyRank,
    row_key: entry.rowKey,
    status: match.status,
    party_name: entry.partyName,
    credit_code: entry.creditCode,
    name_key: normalizeName(entry.partyName),
    achievement_key: entry.achievementKey,
    fields: entry.fields,
    cells: null,
    reason_zh: null,
    reason_en: null,
    organization_id: match.organizationId,
    match_method: match.method,
    candidates: match.candidates,
  };
}

/** Inserts rows once: a row whose key the list has already is left as it is (a chunk run again adds nothing). */
export async function insertRows(manager: EntityManager, tenantId: string, listId: string, rows: RowRecord[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = (await manager.query(
    `insert into official_list_rows (tenant_id, list_id, row_number, party_rank, row_key, status, party_name, credit_code, name_key,
       achievement_key, fields, cells, reason_zh, reason_en, organization_id, match_method, candidates)
     select $1, $2, r.row_number, r.party_rank, r.row_key, r.status, r.party_name, r.credit_code, r.name_key,
       r.achievement_key, r.fields, r.cells, r.reason_zh, r.reason_en, r.organization_id, r.match_method, r.candidates
       from jsonb_to_recordset($3::jsonb) as r(row_number int, party_rank int, row_key text, status text, party_name text,
         credit_code text, name_key text, achievement_key text, fields jsonb, cells jsonb, reason_zh text, reason_en text,
         organization_id uuid, match_method text, candidates jsonb)
     on conflict (tenant_id, list_id, row_key) do nothing
     returning 1`,
    [tenantId, listId, JSON.stringify(rows)],
  )) as unknown[];
  return inserted.length;
}
