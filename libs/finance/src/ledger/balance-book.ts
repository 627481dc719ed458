import { accountCode } from './accounts';
import { assertBalanced, Posting } from './posting';

export interface AccountTotals {
  debitFen: bigint;
  creditFen: bigint;
}

/** debits - credits: positive for a debit-normal account holding money. */
export function net(totals: AccountTotals): bigint {
  return totals.debitFen - totals.creditFen;
}

/**
 * The balances a set of entries implies, per account code: the pure model of what ledger_balances caches. The
 * database ledger and `ledger:check` apply exactly this rule; the property test checks it against random postings.
 */
export class BalanceBook {
  private readonly totals = new Map<string, AccountTotals>();

  apply(posting: Posting): void {
    assertBalanced(posting.lines);
    for (const line of posting.lines) {
      const code = accountCode(line.account);
      const current = this.totals.get(code) ?? { debitFen: 0n, creditFen: 0n };
      this.totals.set(code, { debitFen: current.debitFen + line.debitFen, creditFen: current.creditFen + line.creditFen });
    }
  }

  totalsOf(code: string): AccountTotals {
    return this.totals.get(code) ?? { debitFen: 0n, creditFen: 0n };
  }

  codes(): string[] {
    return [...this.totals.keys()].sort();
  }

  /** Sum of every account's net balance: zero for any sequence of balanced entries. */
  trialBalance(): bigint {
    let sum = 0n;
    for (const totals of this.totals.values()) sum += net(totals);
    return sum;
  }
}
