import { AuditChainBreakKind } from '../verify-chain';

/** One day's verification of a tenant's audit chain, as the API shows it. */
export interface AuditChainCheckView {
  /** The China Standard Time day the check belongs to (one row per day; a re-run that day replaces it). */
  checkedOn: string;
  checkedAt: string;
  ok: boolean;
  recordsChecked: number;
  /** The verified head of the chain; null when the chain is broken, since a broken chain vouches for no head. */
  head: { seq: string; hash: string } | null;
  /** The first record at which the chain stops being trustworthy, and why. */
  broken: { seq: string; kind: AuditChainBreakKind; reason: string } | null;
  /** When that day's alert went to the tenant's program officers and platform administrators. */
  alertedAt: string | null;
}

export interface AuditChainCheckRow {
  checkedOn: string;
  checkedAt: Date;
  ok: boolean;
  recordsChecked: string;
  headSeq: string | null;
  headHash: string | null;
  brokenSeq: string | null;
  brokenKind: AuditChainBreakKind | null;
  brokenReason: string | null;
  alertedAt: Date | null;
}

// checked_on as text: node-postgres would turn a date into a local-time Date and shift it by the machine's zone.
export const AUDIT_CHAIN_CHECK_COLUMNS = `checked_on::text as "checkedOn", checked_at as "checkedAt", ok,
  records_checked::text as "recordsChecked", head_seq::text as "headSeq", head_hash as "headHash",
  broken_seq::text as "brokenSeq", broken_kind as "brokenKind", broken_reason as "brokenReason", alerted_at as "alertedAt"`;

export function auditChainCheckView(row: AuditChainCheckRow): AuditChainCheckView {
  return {
    checkedOn: row.checkedOn,
    checkedAt: row.checkedAt.toISOString(),
    ok: row.ok,
    recordsChecked: Number(row.recordsChecked),
    head: row.headSeq !== null && row.headHash !== null ? { seq: row.headSeq, hash: row.headHash } : null,
    broken: row.brokenSeq !== null && row.brokenKind !== null ? { seq: row.brokenSeq, kind: row.brokenKind, reason: row.brokenReason ?? '' } : null,
    alertedAt: row.alertedAt ? row.alertedAt.toISOString() : null,
  };
}
