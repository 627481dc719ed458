import { payerName } from '../payer-names';
import { fenToYuan } from '../payments/yuan';
import { EntityManager } from 'typeorm';
import { BudgetBelowCommitmentsError } from '../finance-errors';
import { accountCode, AccountRef, Ledger, net, transfer } from '../ledger';

export interface AppliedBudget {
  /** The payer's budget before (fen). */
  fromFen: bigint;
  toFen: bigint;
  /** Uncommitted budget after the change (fen). */
  availableFen: bigint;
}

/**
 * Sets a payer's whole budget for a program in the caller's transaction (the program already locked): the ledger
 * records the difference as an allocation or a reduction (never an edit), and a reduction may not go below what is
 * already committed (409 `budget_below_commitments`, naming `path`).
 */
export async function applyBudget(manager: EntityManager, programId: string, payer: string, wanted: bigint, actorId: string, path = 'amountFen'): Promise<AppliedBudget> {
  const appropriation: AccountRef = { kind: 'appropriation', programId, payer };
  const budget: AccountRef = { kind: 'budget', programId, payer };
  const totals = await Ledger.lockBalances(manager, [appropriation, budget]);
  const current = -net(totals.get(accountCode(appropriation))!);
  const available = net(totals.get(accountCode(budget))!);
  const difference = wanted - current;
  if (difference > 0n) {
    await Ledger.post(manager, transfer('budget_allocated', appropriation, budget, difference, `budget of ${payer} set to ${wanted} fen`, { payer }), actorId);
  } else if (difference < 0n) {
    if (available < -difference) {
      throw new BudgetBelowCommitmentsError(
        {
          zh: `${payerName(payer, new Map())}的预算不能调减至 ${fenToYuan(wanted)} 元：已承诺 ${fenToYuan(current - available)} 元`,
          en: `The budget of ${payer} cannot be lowered to ${wanted} fen: ${current - available} fen are already committed`,
        },
        [{ path, message: `at least ${current - available} fen`, messageZh: `不少于 ${fenToYuan(current - available)} 元` }],
      );
    }
    await Ledger.post(manager, transfer('budget_reduced', budget, appropriation, -difference, `budget of ${payer} set to ${wanted} fen`, { payer }), actorId);
  }
  return { fromFen: current, toFen: wanted, availableFen: available + difference };
}

/** A payer's budget and its uncommitted part, as the ledger holds them now. */
export async function currentBudget(manager: EntityManager, programId: string, payer: string): Promise<{ budgetFen: bigint; availableFen: bigint }> {
  const appropriation = await Ledger.totals(manager, { kind: 'appropriation', programId, payer });
  const budget = await Ledger.totals(manager, { kind: 'budget', programId, payer });
  return { budgetFen: -net(appropriation), availableFen: net(budget) };
}
