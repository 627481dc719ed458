import { auditHash, GENESIS_HASH, HashableAuditFields } from './audit-hash';

/** Anything that runs SQL: a pg client or pool (returns `{ rows }`) or a TypeORM EntityManager (returns the rows). */
export interface AuditQueryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export type AuditChainBreakKind =
  /** The record's content no longer matches its own hash. */
  | 'edited'
  /** One or more records are gone: a gap in seq, or the head points past the last record. */
  | 'missing'
  /** An intact record sits at a seq other than the one it was written with (records were swapped or renumbered). */
  | 'out_of_order'
  /** The record is intact but does not link to its predecessor (the predecessor was rewritten and re-hashed). */
  | 'link_broken'
  /** The head row disagrees with the last record, or records exist beyond the head. */
  | 'head_mismatch';

export interface AuditChainBreak {
  /** The first seq at which the chain stops being trustworthy. */
  seq: string;
  kind: AuditChainBreakKind;
  message: string;
}

export type AuditChainVerification =
  | { ok: true; tenantId: string; records: number; headSeq: string; headHash: string }
  | { ok: false; tenantId: string; records: number; broken: AuditChainBreak };

interface StoredRecord extends HashableAuditFields {
  hash: string;
}

const BATCH = 1000;

function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

// occurred_at is read back exactly as AuditLog.record formatted it when hashing, or every record would look edited.
// ORDER BY names the table's column: the bare alias `seq` would sort the text output (1, 10, 11, 2, ...).
const SELECT_RECORDS = `
  select tenant_id as "tenantId", seq::text as seq,
         to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "occurredAt",
         actor_kind as "actorKind", actor_id as "actorId", actor_role as "actorRole", action,
         entity_type as "entityType", entity_id as "entityId", reason, data, prev_hash as "prevHash", hash
    from audit_log
   where audit_log.tenant_id = $1 and audit_log.seq > $2::bigint
   order by audit_log.seq
   limit ${BATCH}`;

function recompute(record: StoredRecord, seq: string = record.seq): string {
  return auditHash({
    tenantId: record.tenantId,
    seq,
    occurredAt: record.occurredAt,
    actorKind: record.actorKind,
    actorId: record.actorId,
    actorRole: record.actorRole,
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    reason: record.reason,
    data: record.data,
    prevHash: record.prevHash,
  });
}

/** Finds the seq a record was originally written with, if its content is intact but it now sits elsewhere. */
function originalSeq(record: StoredRecord, highestSeq: bigint): string | undefined {
  for (let candidate = 1n; candidate <= highestSeq; candidate += 1n) {
    const seq = candidate.toString();
    if (seq !== record.seq && recompute(record, seq) === record.hash) return seq;
  }
  return undefined;
}

/**
 * Walks one tenant's audit chain in seq order, recomputing every hash, and names the first broken link.
 * Row-level security applies: the caller's transaction must have `app.tenant_id` set to `tenantId`. For a consistent
 * view while others append, run it in a REPEATABLE READ transaction or after locking the tenant's audit_heads row.
 */
export async function verifyAuditChain(db: AuditQueryable, tenantId: string): Promise<AuditChainVerification> {
  const [head] = rowsOf<{ seq: string; hash: string }>(
    await db.query(`select seq::text as seq, hash from audit_heads where tenant_id = $1`, [tenantId]),
  );
  const [{ highest }] = rowsOf<{ highest: string }>(
    await db.query(`select coalesce(max(seq), 0)::text as highest from audit_log where tenant_id = $1`, [tenantId]),
  );
  const highestSeq = BigInt(highest) > BigInt(head?.seq ?? '0') ? BigInt(highest) : BigInt(head?.seq ?? '0');
  const fail = (records: number, seq: string, kind: AuditChainBreakKind, message: string): AuditChainVerification => ({
    ok: false,
    tenantId,
    records,
    broken: { seq, kind, message },
  });

  let expected = 1n;
  let previousHash = GENESIS_HASH;
  let records = 0;
  let after = '0';
  for (;;) {
    const batch = rowsOf<StoredRecord>(await db.query(SELECT_RECORDS, [tenantId, after]));
    for (const record of batch) {
      const seq = BigInt(record.seq);
      if (seq !== expected) {
        const last = (seq - 1n).toString();
        const range = seq - 1n === expected ? `seq ${expected}` : `seqs ${expected}..${last}`;
        const jump = expected === 1n ? `the chain starts at seq ${seq}` : `the chain jumps from seq ${expected - 1n} to seq ${seq}`;
        return fail(records, expected.toString(), 'missing', `${range} missing (deleted): ${jump}`);
      }
      if (recompute(record) !== record.hash) {
        const written = originalSeq(record, highestSeq);
        if (written) {
          return fail(records, record.seq, 'out_of_order', `seq ${record.seq} holds the record written as seq ${written} (records swapped or renumbered)`);
        }
        return fail(records, record.seq, 'edited', `seq ${record.seq} was edited: its content no longer matches its hash`);
      }
      if (record.prevHash !== previousHash) {
        return fail(records, record.seq, 'link_broken', `seq ${record.seq} does not link to seq ${seq - 1n}: prev_hash differs from that record's hash (seq ${seq - 1n} was rewritten)`);
      }
      previousHash = record.hash;
      expected += 1n;
      records += 1;
    }
    if (batch.length < BATCH) break;
    after = batch[batch.length - 1].seq;
  }

  const lastSeq = (expected - 1n).toString();
  if (!head) {
    if (records === 0) return { ok: true, tenantId, records, headSeq: '0', headHash: GENESIS_HASH };
    return fail(records, lastSeq, 'head_mismatch', `the tenant has ${records} audit records but no audit head`);
  }
  if (BigInt(head.seq) > expected - 1n) {
    const first = expected.toString();
    const range = head.seq === first ? `seq ${first}` : `seqs ${first}..${head.seq}`;
    return fail(records, first, 'missing', `${range} missing (deleted): the head is at seq ${head.seq} but the last record is seq ${lastSeq}`);
  }
  if (head.seq !== lastSeq || head.hash !== previousHash) {
    return fail(records, lastSeq, 'head_mismatch', `the audit head (seq ${head.seq}) does not match the last record (seq ${lastSeq})`);
  }
  return { ok: true, tenantId, records, headSeq: head.seq, headHash: head.hash };
}
