import { queryRows } from '@subsidy/database';
import { RequestContextStore } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { AccountRef, accountCode } from './accounts';
import { AccountTotals } from './balance-book';
import { assertBalanced, Posting } from './posting';

export interface PostedEntry {
  id: string;
  seq: string;
}

interface BalanceRow {
  debitFen: string;
  creditFen: string;
}

/**
 * Writes journal entries inside the caller's tenant transaction. The entry, its lines and the cached balances commit
 * together or not at all; the database re-checks at commit that each entry balances (deferred constraint trigger).
 */
export const Ledger = {
  async post(manager: EntityManager, posting: Posting, actorId: string): Promise<PostedEntry> {
    assertBalanced(posting.lines);
    const tenantId = RequestContextStore.requireTenantId();
    const accounts = new Map(posting.lines.map((line) => [accountCode(line.account), line.account]));
    await Ledger.lockBalances(manager, [...accounts.values()]);
    const [entry] = await queryRows<PostedEntry>(
      manager,
      `insert into ledger_entries (tenant_id, kind, program_id, memo, reference, corrects, actor_id)
       values ($1, $2, $3, $4, $5, $6, $7) returning id, seq::text as seq`,
      [tenantId, posting.kind, posting.programId, posting.memo, JSON.stringify(posting.reference), posting.corrects ?? null, actorId],
    );
    for (const [index, line] of posting.lines.entries()) {
      const code = accountCode(line.account);
      await manager.query(
        `insert into ledger_lines (tenant_id, entry_id, line_no, account, debit_fen, credit_fen) values ($1, $2, $3, $4, $5, $6)`,
        [tenantId, entry.id, index + 1, code, line.debitFen.toString(), line.creditFen.toString()],
      );
      await manager.query(
        `update ledger_balances set debit_fen = debit_fen + $2, credit_fen = credit_fen + $3, updated_at = now() where account = $1`,
        [code, line.debitFen.toString(), line.creditFen.toString()],
      );
    }
    return entry;
  },

  /** Locks (FOR UPDATE) and reads the cached totals of these accounts, creating the accounts if new. */
  async lockBalances(manager: EntityManager, accounts: readonly AccountRef[]): Promise<Map<string, AccountTotals>> {
    const tenantId = RequestContextStore.requireTenantId();
    const result = new Map<string, AccountTotals>();
    // One fixed order, so two postings over the same accounts never deadlock.
    const sorted = [...accounts].sort((a, b) => (accountCode(a) < accountCode(b) ? -1 : 1));
    for (const account of sorted) {
      await ensureAccount(manager, tenantId, account);
      const code = accountCode(account);
      const [row] = await queryRows<BalanceRow>(
        manager,
        `select debit_fen::text as "debitFen", credit_fen::text as "creditFen" from ledger_balances where account = $1 for update`,
        [code],
      );
      result.set(code, { debitFen: BigInt(row.debitFen), creditFen: BigInt(row.creditFen) });
    }
    return result;
  },

  /** The cached totals of one account (zero when it has never been posted to). */
  async totals(manager: EntityManager, account: AccountRef): Promise<AccountTotals> {
    const [row] = await queryRows<BalanceRow>(
      manager,
      `select debit_fen::text as "debitFen", credit_fen::text as "creditFen" from ledger_balances where account = $1`,
      [accountCode(account)],
    );
    return row ? { debitFen: BigInt(row.debitFen), creditFen: BigInt(row.creditFen) } : { debitFen: 0n, creditFen: 0n };
  },
};

async function ensureAccount(manager: EntityManager, tenantId: string, account: AccountRef): Promise<void> {
  const code = accountCode(account);
  await manager.query(
    `insert into ledger_accounts (tenant_id, code, kind, program_id, payer) values ($1, $2, $3, $4, $5) on conflict do nothing`,
    [tenantId, code, account.kind, account.programId, account.payer],
  );
  await manager.query(`insert into ledger_balances (tenant_id, account) values ($1, $2) on conflict do nothing`, [tenantId, code]);
}
