import { ListKind } from '../kinds';
import { StoredCandidate } from '../match/match-entry';

export const ROW_STATUSES = ['matched', 'review', 'unregistered', 'rejected', 'dismissed'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

export interface ListCounts {
  /** Data rows read from the file so far (blank lines and repeated headers are not rows). */
  rowsRead: number;
  /** Items stored so far (one per organization named: a row with three drafting units is three items). */
  items: number;
  matched: number;
  review: number;
  unregistered: number;
  rejected: number;
  dismissed: number;
}

export interface OfficialListView {
  id: string;
  kind: ListKind;
  title: string;
  sourceRef: string;
  listDate: string;
  fileName: string;
  fileFormat: 'xlsx' | 'csv';
  sha256: string;
  status: 'importing' | 'completed' | 'failed';
  headerRow: number | null;
  mapping: Array<{ field: string; column: number; header: string }>;
  /** Items the file holds (known once the first chunk ran) and how many are stored: progress = itemsDone / itemsTotal. */
  itemsTotal: number | null;
  itemsDone: number;
  counts: ListCounts;
  failure: string | null;
  createdBy: string;
  createdAt: string;
  completedAt: string | null;
}

export interface ListRowView {
  id: string;
  listId: string;
  rowNumber: number;
  partyRank: number | null;
  status: RowStatus;
  partyName: string | null;
  creditCode: string | null;
  fields: Record<string, string>;
  cells: string[] | null;
  reasonZh: string | null;
  reasonEn: string | null;
  organizationId: string | null;
  organizationName: string | null;
  matchMethod: 'credit_code' | 'exact_name' | 'officer' | null;
  candidates: StoredCandidate[];
  resolutionNote: string | null;
  resolvedAt: string | null;
}

export interface ReviewRowView extends ListRowView {
  listTitle: string;
  listKind: ListKind;
}

export const ROW_COLUMNS = `r.id, r.list_id as "listId", r.row_number as "rowNumber", r.party_rank as "partyRank", r.status,
  r.party_name as "partyName", r.credit_code as "creditCode", r.fields, r.cells, r.reason_zh as "reasonZh", r.reason_en as "reasonEn",
  r.organization_id as "organizationId", o.name as "organizationName", r.match_method as "matchMethod", r.candidates,
  r.resolution_note as "resolutionNote", to_char(r.resolved_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "resolvedAt"`;
