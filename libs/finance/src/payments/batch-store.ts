import { queryRows } from '@subsidy/database';
import { EntityManager } from 'typeorm';
import { FinanceNotFoundError } from '../finance-errors';

export interface BatchLine {
  lineNo: number;
  installmentId: string;
  amountFen: number;
  payeeName: string;
  payeeUscc: string;
  bankName: string;
  accountNo: string;
  purpose: string;
  article: string | null;
  status: 'instructed' | 'paid' | 'failed';
  bankReference: string | null;
}

export interface BatchView {
  id: string;
  programId: string;
  programTitle: string;
  payer: string;
  status: 'instructed' | 'partially_confirmed' | 'confirmed';
  totalFen: number;
  createdAt: Date;
  lines: BatchLine[];
}

export const BatchStore = {
  async get(manager: EntityManager, batchId: string, lock = false): Promise<BatchView> {
    const [batch] = await queryRows<Omit<BatchView, 'lines' | 'totalFen'> & { totalFen: string }>(
      manager,
      `select b.id, b.program_id as "programId", p.title as "programTitle", b.payer, b.status, b.total_fen::text as "totalFen", b.created_at as "createdAt"
         from payment_batches b join programs p on p.id = b.program_id where b.id = $1 ${lock ? 'for update of b' : ''}`,
      [batchId],
    );
    if (!batch) throw new FinanceNotFoundError('No such payment batch', [{ path: 'id', message: 'no such batch' }]);
    const lines = await queryRows<Omit<BatchLine, 'amountFen'> & { amountFen: string }>(
      manager,
      `select line_no as "lineNo", installment_id as "installmentId", amount_fen::text as "amountFen", payee_name as "payeeName",
              payee_uscc as "payeeUscc", bank_name as "bankName", account_no as "accountNo", purpose, article, status,
              bank_reference as "bankReference"
         from payment_batch_lines where batch_id = $1 order by line_no`,
      [batchId],
    );
    return { ...batch, totalFen: Number(batch.totalFen), lines: lines.map((l) => ({ ...l, amountFen: Number(l.amountFen) })) };
  },
};
