/** Runs one read-only SQL statement and returns its rows: a pg Client (the CLI) or a TypeORM manager adapts to it. */
export type SqlRunner = (sql: string) => Promise<unknown[]>;

export type LedgerMismatch =
  | { kind: 'unbalanced_entry'; entryId: string; debitFen: string; creditFen: string }
  | { kind: 'balance_mismatch'; account: string; cachedDebitFen: string; cachedCreditFen: string; entriesDebitFen: string; entriesCreditFen: string }
  | { kind: 'trial_balance'; netFen: string };

export interface LedgerVerification {
  ok: boolean;
  entries: number;
  accounts: number;
  /** The first problem found, in a fixed order (entries by seq, then accounts by code). */
  mismatch?: LedgerMismatch;
}

async function rows<R>(runner: SqlRunner, sql: string): Promise<R[]> {
  return (await runner(sql)) as R[];
}

/**
 * Rebuilds every balance of the current tenant from its ledger lines and compares it with the cached
 * ledger_balances; also checks each entry balances and the trial balance is zero. Runs on whatever tenant the
 * connection's transaction is set to (row-level security), so the caller picks the tenant and the snapshot.
 */
export async function verifyLedger(runner: SqlRunner): Promise<LedgerVerification> {
  const [counts] = await rows<{ entries: string; accounts: string }>(
    runner,
    `select (select count(*) from ledger_entries)::text as entries, (select count(*) from ledger_accounts)::text as accounts`,
  );
  const summary = { entries: Number(counts.entries), accounts: Number(counts.accounts) };
  const [unbalanced] = await rows<{ entryId: string; debitFen: string; creditFen: string }>(
    runner,
    `select e.id as "entryId", coalesce(sum(l.debit_fen), 0)::text as "debitFen", coalesce(sum(l.credit_fen), 0)::text as "creditFen"
       from ledger_entries e left join ledger_lines l on l.tenant_id = e.tenant_id and l.entry_id = e.id
      group by e.id, e.seq
     having coalesce(sum(l.debit_fen), 0) <> coalesce(sum(l.credit_fen), 0) or count(l.line_no) < 2
      order by e.seq limit 1`,
  );
  if (unbalanced) return { ok: false, ...summary, mismatch: { kind: 'unbalanced_entry', ...unbalanced } };
  const [different] = await rows<{
    account: string;
    cachedDebitFen: string;
    cachedCreditFen: string;
    entriesDebitFen: string;
    entriesCreditFen: string;
  }>(
    runner,
    `with derived as (
       select account, sum(debit_fen) as debit, sum(credit_fen) as credit from ledger_lines group by account
     )
     select a.code as account,
            coalesce(b.debit_fen, 0)::text as "cachedDebitFen", coalesce(b.credit_fen, 0)::text as "cachedCreditFen",
            coalesce(d.debit, 0)::text as "entriesDebitFen", coalesce(d.credit, 0)::text as "entriesCreditFen"
       from ledger_accounts a
       left join ledger_balances b on b.account = a.code
       left join derived d on d.account = a.code
      where coalesce(b.debit_fen, 0) <> coalesce(d.debit, 0) or coalesce(b.credit_fen, 0) <> coalesce(d.credit, 0)
      order by a.code limit 1`,
  );
  if (different) return { ok: false, ...summary, mismatch: { kind: 'balance_mismatch', ...different } };
  const [trial] = await rows<{ netFen: string }>(runner, `select coalesce(sum(debit_fen - credit_fen), 0)::text as "netFen" from ledger_lines`);
  if (trial.netFen !== '0') return { ok: false, ...summary, mismatch: { kind: 'trial_balance', netFen: trial.netFen } };
  return { ok: true, ...summary };
}

export function describeMismatch(tenantId: string, mismatch: LedgerMismatch): string {
  switch (mismatch.kind) {
    case 'unbalanced_entry':
      return `tenant ${tenantId}: entry ${mismatch.entryId} is not balanced (debits ${mismatch.debitFen} fen, credits ${mismatch.creditFen} fen)`;
    case 'balance_mismatch':
      return (
        `tenant ${tenantId}: account ${mismatch.account} cached balance debit ${mismatch.cachedDebitFen} / credit ${mismatch.cachedCreditFen} fen, ` +
        `entries say debit ${mismatch.entriesDebitFen} / credit ${mismatch.entriesCreditFen} fen`
      );
    case 'trial_balance':
      return `tenant ${tenantId}: the lines' debits minus credits total ${mismatch.netFen} fen instead of 0`;
  }
}
