import { AuditLog } from '@subsidy/audit';
import { queryRows } from '@subsidy/database';
import { JobContext, JobHandler, PaymentLineJobPayload, QueueJobHandler } from '@subsidy/queue';
import { EntityManager } from 'typeorm';
import { findProgram } from '../program-lookup';
import { instructLine } from './instruct-line';

interface LockedLine {
  programId: string;
  payer: string;
  createdBy: string;
  installmentId: string;
  shareId: string;
  amountFen: string;
  payeeName: string;
  lineStatus: string;
  installmentStatus: string;
}

/**
 * Instructs one line of a released batch. Runs in the job's transaction, so the ledger entry, the installment's new
 * status and the outbox row's completion commit together. The line counts as instructed once its installment left
 * `due` (or the line left `instructed`, confirmed by the bank): a redelivery or a second row then does nothing.
 * The last line instructed records `finance.batch-instructed`, as the synchronous batch does.
 */
@JobHandler('finance', 'payment.instruct-line')
export class InstructPaymentLineHandler implements QueueJobHandler<'finance', 'payment.instruct-line'> {
  constructor(private readonly audit: AuditLog) {}

  async handle(manager: EntityManager, payload: PaymentLineJobPayload, context: JobContext): Promise<void> {
    const [batch] = await queryRows<{ programId: string }>(manager, `select program_id as "programId" from payment_batches where id = $1`, [payload.batchId]);
    if (!batch) throw new Error(`payment batch ${payload.batchId} does not exist`);
    // Program first, then the line and its installment: the lock order of every money-moving finance use case.
    await findProgram(manager, batch.programId, true);
    const [line] = await queryRows<LockedLine>(
      manager,
      `select b.program_id as "programId", b.payer, b.created_by as "createdBy", l.installment_id as "installmentId", i.share_id as "shareId",
              l.amount_fen::text as "amountFen", l.payee_name as "payeeName", l.status as "lineStatus", i.status as "installmentStatus"
         from payment_batch_lines l
         join payment_batches b on b.id = l.batch_id
         join finance_installments i on i.id = l.installment_id
        where l.batch_id = $1 and l.line_no = $2
        for update of l, i`,
      [payload.batchId, payload.lineNo],
    );
    if (!line) throw new Error(`payment batch ${payload.batchId} has no line ${payload.lineNo}`);
    if (line.lineStatus !== 'instructed' || line.installmentStatus !== 'due') return;
    // The officer who released the batch is the one who authorised the movement.
    await instructLine(manager, { ...line, batchId: payload.batchId, lineNo: payload.lineNo }, line.createdBy);
    const [{ pending }] = await queryRows<{ pending: number }>(
      manager,
      `select count(*)::int as pending from payment_batch_lines l join finance_installments i on i.id = l.installment_id
        where l.batch_id = $1 and l.status = 'instructed' and i.status = 'due'`,
      [payload.batchId],
    );
    if (pending === 0) {
      await this.audit.record(manager, { action: 'finance.batch-instructed', entityType: 'payment_batch', entityId: payload.batchId, data: { outboxId: context.outboxId } });
    }
  }
}
