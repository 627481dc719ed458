import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock, cstDateOf } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { Actor } from '@subsidy/tenancy';
import { ensureFundUseReport } from '../evaluation/fund-use-obligation';
import { FinanceStateError, FinanceValidationError } from '../finance-errors';
import { Ledger, transfer } from '../ledger';
import { assertPayerAccess } from '../payer-access';
import { findProgram } from '../program-lookup';
import { BatchStore, BatchView } from './batch-store';
import { ConfirmedLine, notifyPaymentOutcomes } from './payment-notices';

export interface ConfirmBatchCommand {
  batchId: string;
  /** The bank's reference for the whole batch (used for every line that has none of its own). */
  bankReference: string;
  /** Per line outcome; without it every line still instructed is confirmed paid. */
  lines?: Array<{ lineNo: number; outcome: 'paid' | 'failed'; bankReference?: string }>;
}

/**
 * Records what the bank did with a batch. A paid line moves payable → paid; a failed line goes back payable →
 * approved and its installment is due again for the next batch. The first paid line of an award creates its
 * use-of-funds report obligation (evaluation/).
 */
@Injectable()
export class ConfirmPaymentBatch {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(actor: Actor, command: ConfirmBatchCommand): Promise<BatchView> {
    return this.transactions.run(async (manager) => {
      await findProgram(manager, (await BatchStore.get(manager, command.batchId)).programId, true);
      const batch = await BatchStore.get(manager, command.batchId, true);
      assertPayerAccess(actor, batch.payer);
      if (batch.status === 'releasing') throw new FinanceStateError({ zh: '该批次仍在向银行发送支付指令，请在全部发送后再登记银行结果', en: 'This batch is still being instructed; record the bank outcome once every line is instructed' });
      const open = batch.lines.filter((l) => l.status === 'instructed');
      // Lines held for a changed payee account are not with the bank: they count as open until confirmed and paid.
      const held = batch.lines.filter((l) => l.status === 'held_account_changed').length;
      if (open.length === 0 && held > 0) throw new FinanceStateError({
          zh: `该批次其余 ${held} 笔已暂停，须由财务人员确认收款单位变更后的账户`,
          en: `The remaining ${held} line(s) of this batch are held until a finance officer confirms the payee's changed account`,
        });
      if (open.length === 0) throw new FinanceStateError({ zh: '该批次的每一笔都已确认', en: 'Every line of this batch is already confirmed' });
      const outcomes: NonNullable<ConfirmBatchCommand['lines']> = command.lines ?? open.map((l) => ({ lineNo: l.lineNo, outcome: 'paid' as const }));
      const seen = new Set<number>();
      const now = this.clock.now();
      const confirmed: ConfirmedLine[] = [];
      for (const [index, outcome] of outcomes.entries()) {
        const line = batch.lines.find((l) => l.lineNo === outcome.lineNo);
        const path = `lines[${index}].lineNo`;
        if (!line) throw new FinanceValidationError({ zh: '该批次中没有所列的支付明细', en: `Invalid request: ${path}` }, [{ path, message: 'no such line in this batch', messageZh: '该批次中没有这一笔' }]);
        if (seen.has(line.lineNo)) throw new FinanceValidationError({ zh: '同一笔支付明细重复列出', en: `Invalid request: ${path}` }, [{ path, message: 'listed twice', messageZh: '重复列出' }]);
        seen.add(line.lineNo);
        if (line.status !== 'instructed') throw new FinanceStateError({ zh: `第${line.lineNo}笔已处理，不能再次确认`, en: `Line ${line.lineNo} is already ${line.status}` }, [{ path, message: line.status }]);
        const account = (kind: 'approved' | 'payable' | 'paid') => ({ kind, programId: batch.programId, payer: batch.payer });
        const reference = { batchId: batch.id, lineNo: line.lineNo, installmentId: line.installmentId };
        const bankReference = outcome.bankReference ?? command.bankReference;
        if (outcome.outcome === 'paid') {
          await Ledger.post(manager, transfer('payment_confirmed', account('payable'), account('paid'), BigInt(line.amountFen), `paid: ${line.payeeName}, bank ref ${bankReference}`, reference), actor.id);
          await manager.query(`update finance_installments set status = 'paid' where id = $1`, [line.installmentId]);
          await ensureFundUseReport(manager, line.installmentId, cstDateOf(now));
        } else {
          await Ledger.post(manager, transfer('payment_failed', account('payable'), account('approved'), BigInt(line.amountFen), `failed: ${line.payeeName}, bank ref ${bankReference}`, reference), actor.id);
          await manager.query(`update finance_installments set status = 'due' where id = $1`, [line.installmentId]);
        }
        await manager.query(
          `update payment_batch_lines set status = $3, bank_reference = $4, confirmed_by = $5, confirmed_at = $6 where batch_id = $1 and line_no = $2`,
          [batch.id, line.lineNo, outcome.outcome, bankReference, actor.id, now],
        );
        confirmed.push({ installmentId: line.installmentId, amountFen: line.amountFen, outcome: outcome.outcome, bankReference });
      }
      const stillOpen = open.length - seen.size + held;
      await manager.query(`update payment_batches set status = $2 where id = $1`, [batch.id, stillOpen === 0 ? 'confirmed' : 'partially_confirmed']);
      await this.audit.record(manager, {
        action: 'finance.batch-confirmed',
        entityType: 'payment_batch',
        entityId: batch.id,
        data: { bankReference: command.bankReference, lines: outcomes.map((o) => ({ lineNo: o.lineNo, outcome: o.outcome })) },
      });
      // Each awardee hears what the bank did with its money: paid, or refused and due again.
      await notifyPaymentOutcomes(this.notifier, manager, batch.programTitle, confirmed);
      return BatchStore.get(manager, batch.id);
    });
  }
}
