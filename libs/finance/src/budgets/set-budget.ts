import { Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { FinanceValidationError } from '../finance-errors';
import { assertPayerAccess, validPayer } from '../payer-access';
import { findProgram } from '../program-lookup';
import { applyBudget } from './apply-budget';

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
 * edit), and a reduction may not go below what is already committed (applyBudget). The city's budget as the program
 * office handed it over is confirmed without retyping by ConfirmHandedOverBudget.
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
      const wanted = BigInt(command.amountFen);
      const applied = await applyBudget(manager, program.id, payer, wanted, actor.id);
      await this.audit.record(manager, {
        action: 'finance.budget-set',
        entityType: 'program',
        entityId: program.id,
        data: { payer, fromFen: applied.fromFen.toString(), toFen: wanted.toString() },
      });
      return { programId: program.id, payer, budgetFen: Number(wanted), availableFen: Number(applied.availableFen) };
    });
  }
}

/** A district payer must be one of the tenant's districts: money budgeted for an unknown district could never be paid. */
async function assertPayerExists(manager: EntityManager, payer: string): Promise<void> {
  if (!payer.startsWith('district:')) return;
  const [district] = await queryRows<{ code: string }>(manager, `select code from districts where code = $1`, [payer.slice('district:'.length)]);
  if (!district) throw new FinanceValidationError({ zh: '所选支付方不是本地区的区县财政', en: 'Invalid request: payer' }, [
      { path: 'payer', message: `${payer} is not a district of this tenant`, messageZh: '不是本地区的区县' },
    ]);
}
