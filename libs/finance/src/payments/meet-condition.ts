import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { FinanceNotFoundError, FinanceStateError } from '../finance-errors';
import { assertPayerAccess } from '../payer-access';

/** Records that an installment's condition (e.g. acceptance of the project) is met: it becomes due for the next batch. */
@Injectable()
export class MeetInstallmentCondition {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(actor: Actor, installmentId: string, note: string): Promise<{ installmentId: string; status: 'due' }> {
    return this.transactions.run(async (manager) => {
      const [row] = await queryRows<{ status: string; shareStatus: string; payer: string; condition: string }>(
        manager,
        `select i.status, i.condition, s.status as "shareStatus", s.payer
           from finance_installments i join finance_shares s on s.id = i.share_id where i.id = $1 for update of i`,
        [installmentId],
      );
      if (!row) throw new FinanceNotFoundError({ zh: '没有找到该期款项', en: 'No such installment' }, [{ path: 'id', message: 'no such installment', messageZh: '没有该期款项' }]);
      assertPayerAccess(actor, row.payer);
      if (row.shareStatus !== 'approved') throw new FinanceStateError({ zh: '该资金份额尚未审批通过，其分期款项不能到期支付', en: `The share is ${row.shareStatus}; only an approved share's installments can fall due` });
      if (row.status !== 'scheduled') throw new FinanceStateError({ zh: '该期款项已处理过', en: `The installment is already ${row.status}` });
      await manager.query(`update finance_installments set status = 'due', condition_met_at = $2, condition_met_by = $3 where id = $1`, [installmentId, this.clock.now(), actor.id]);
      await this.audit.record(manager, { action: 'finance.installment-due', entityType: 'finance_installment', entityId: installmentId, reason: note, data: { condition: row.condition } });
      return { installmentId, status: 'due' };
    });
  }
}
