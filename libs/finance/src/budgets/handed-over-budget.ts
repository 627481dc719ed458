import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { FinanceStateError } from '../finance-errors';
import { assertCityLevel } from '../payer-access';
import { payerName } from '../payer-names';
import { FinanceProgram, findProgram } from '../program-lookup';
import { currentBudget } from './apply-budget';

/** The payer the program office's budget is handed over to: the city's program fund. */
export const HANDED_OVER_PAYER = 'city';

export interface HandedOverBudgetView {
  programId: string;
  payer: string;
  /** 市级财政. */
  payerName: string;
  /** The program budget as the program office set it and handed it over (programs.budget_total_fen): the pre-filled figure. */
  handedOverFen: number;
  /** The city budget finance holds for the program now; 0 until finance confirms or sets one. */
  budgetFen: number;
  availableFen: number;
}

/** Finance takes over a program only once it is handed over; before that the budget is still the program office's. */
export function assertHandedOver(program: FinanceProgram): void {
  if (program.status !== 'handed_over') throw new FinanceStateError({ zh: '该项目尚未移交财务，项目预算随移交一并送达', en: `The program is ${program.status}; its budget reaches finance with the hand-over` });
}

/**
 * What finance is handed with the program: the budget the program office set, so finance confirms it (or sets another
 * figure with a reason, ConfirmHandedOverBudget) instead of typing it in again.
 */
@Injectable()
export class HandedOverBudgets {
  constructor(private readonly transactions: TenantTransactions) {}

  view(actor: Actor, programId: string): Promise<HandedOverBudgetView> {
    assertCityLevel(actor);
    return this.transactions.run(async (manager) => {
      const program = await findProgram(manager, programId);
      assertHandedOver(program);
      const held = await currentBudget(manager, program.id, HANDED_OVER_PAYER);
      return {
        programId: program.id,
        payer: HANDED_OVER_PAYER,
        payerName: payerName(HANDED_OVER_PAYER, new Map()),
        handedOverFen: Number(program.budgetTotalFen),
        budgetFen: Number(held.budgetFen),
        availableFen: Number(held.availableFen),
      };
    });
  }
}
