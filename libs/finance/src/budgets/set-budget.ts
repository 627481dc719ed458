import { Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { BudgetBelowCommitmentsError, FinanceValidationError } from '../finance-errors';
import { accountCode, AccountRef, Ledger, net, transfer } from '../ledger';
import { assertPayerAccess, validPayer } from '../payer-access';
import { findProgram } from '../program-lookup';

export interface SetBudgetCommand {
  programId: string;
  payer: string;
  amountFen: number;
}

export interface BudgetView {
  programId: string;
  payer: string;
  budgetFen: number;
  availableFen: number;
}

/**
 * Sets a payer's budget for a program. The ledger records the difference as an allocation or a reduction (never an
 * edit), and a reduction may not go below what is already committed.
 */
@Injectable()
export class SetBudget {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
  ) {}

  execute(actor: Actor, command: SetBudgetCommand): Promise<BudgetView> {
    const payer = validPayer(command.payer);
    assertPayerAccess(actor, payer);
    return this.transactions.run(async (manager) => {
      const program = await findProgram(manager, command.programId, true);
      await assertPayerExists(manager, payer);
      const appropriation: AccountRef = { kind: 'appropriation', programId: program.id, payer };
      const budget: AccountRef = { kind: 'budget', programId: program.id, payer };
      const totals = await Ledger.lockBalances(manager, [appropriation, budget]);
      const current = -net(totals.get(accountCode(appropriation))!);
      const available = net(totals.get(accountCode(budget))!);
      const wanted = BigInt(command.amountFen);
      const difference = wanted - current;
      if (difference > 0n) {
        await Ledger.post(manager, transfer('budget_allocated', appropriation, budget, difference, `budget of ${payer} set to ${wanted} fen`, { payer }), actor.id);
      } else if (difference < 0n) {
        if (available < -difference) {
          throw new BudgetBelowCommitmentsError(
            `The budget of ${payer} cannot be lowered to ${wanted} fen: ${current - available} fen are already committed`,
            [{ path: 'amountFen', message: `at least ${current - available} fen` }],
          );
        }
        await Ledger.post(manager, transfer('budget_reduced', budget, appropriation, -difference, `budget of ${payer} set to ${wanted} fen`, { payer }), actor.id);
      }
      await this.audit.record(manager, {
        action: 'finance.budget-set',
        entityType: 'program',
        entityId: program.id,
        data: { payer, fromFen: current.toString(), toFen: wanted.toString() },
      });
      return { programId: program.id, payer, budgetFen: Number(wanted), availableFen: Number(available + difference) };
    });
  }
}

/** A district payer must be one of the tenant's districts: money budgeted for an unknown district could never be paid. */
async function assertPayerExists(manager: EntityManager, payer: string): Promise<void> {
  if (!payer.startsWith('district:')) return;
  const [district] = await queryRows<{ code: string }>(manager, `select code from districts where code = $1`, [payer.slice('district:'.length)]);
  if (!district) throw new FinanceValidationError('Invalid request: payer', [{ path: 'payer', message: `${payer} is not a district of this tenant` }]);
}
