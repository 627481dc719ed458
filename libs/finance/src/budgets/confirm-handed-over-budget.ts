import { Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { assertCityLevel } from '../payer-access';
import { payerName } from '../payer-names';
import { findProgram } from '../program-lookup';
import { applyBudget } from './apply-budget';
import { BudgetChangeReasonRequiredError } from './budget-errors';
import { assertHandedOver, HANDED_OVER_PAYER, HandedOverBudgetView } from './handed-over-budget';

export interface ConfirmHandedOverBudgetCommand {
  programId: string;
  /** Another figure than the handed-over budget (integer fen); omitted, the handed-over budget is confirmed as is. */
  amountFen?: number;
  /** Why finance sets another figure; required then. */
  reason?: string;
}

export interface ConfirmedBudget extends HandedOverBudgetView {
  changed: boolean;
  reason: string | null;
}

/**
 * City finance confirms the program budget the program office handed over as the city's budget for the program, or
 * sets another figure, which needs a reason (422 naming `reason`, nothing changed). The ledger posts the difference as
 * any budget change (applyBudget); the audit record keeps the handed-over figure, the one set and the reason.
 */
@Injectable()
export class ConfirmHandedOverBudget {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
  ) {}

  execute(actor: Actor, command: ConfirmHandedOverBudgetCommand): Promise<ConfirmedBudget> {
    assertCityLevel(actor);
    return this.transactions.run(async (manager) => {
      const program = await findProgram(manager, command.programId, true);
      assertHandedOver(program);
      const handedOver = BigInt(program.budgetTotalFen);
      const wanted = command.amountFen == null ? handedOver : BigInt(command.amountFen);
      const changed = wanted !== handedOver;
      const reason = command.reason?.trim() || null;
      if (changed && !reason) throw new BudgetChangeReasonRequiredError(handedOver, wanted);
      const applied = await applyBudget(manager, program.id, HANDED_OVER_PAYER, wanted, actor.id);
      await this.audit.record(manager, {
        action: changed ? 'finance.handed-over-budget-changed' : 'finance.handed-over-budget-confirmed',
        entityType: 'program',
        entityId: program.id,
        reason,
        data: { payer: HANDED_OVER_PAYER, handedOverFen: handedOver.toString(), fromFen: applied.fromFen.toString(), toFen: wanted.toString() },
      });
      return {
        programId: program.id,
        payer: HANDED_OVER_PAYER,
        payerName: payerName(HANDED_OVER_PAYER, new Map()),
        handedOverFen: Number(handedOver),
        budgetFen: Number(wanted),
        availableFen: Number(applied.availableFen),
        changed,
        reason,
      };
    });
  }
}
