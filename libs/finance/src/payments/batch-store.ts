import { queryRows } from '@subsidy/database';
import { EntityManager } from 'typeorm';
import { FinanceNotFoundError } from '../finance-errors';
import { payerName } from '../payer-names';

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
  /**
   * `pending`: released, its instruction job has not run yet (stored `instructed` over a still `due` installment).
   * `held_account_changed`: the payee's account was replaced after approval; not instructed until finance confirms it.
   */
  status: 'pending' | 'instructed' | 'paid' | 'failed' | 'held_account_changed';
  bankReference: string | null;
}

export interface BatchView {
  id: string;
  programId: string;
  programTitle: string;
  payer: string;
  /** The payer as every list names it: 市级财政, 环翠区财政, 配套资金. */
  payerName: string;
  /** `releasing`: some lines are still pending; the bank outcome can be recorded only once every line is instructed. */
  status: 'releasing' | 'instructed' | 'partially_confirmed' | 'confirmed';
  totalFen: number;
  createdAt: Date;
  lines: BatchLine[];
}

export const BatchStore = {
  /** The program's batches, newest first; `payer` (a district-level officer's own payer) confines them to that payer's. */
  async list(manager: EntityManager, programId: string, payer: string | null = null): Promise<BatchView[]> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `select id from payment_batches where program_id = $1 and ($2::text is null or payer = $2) order by created_at desc, id`,
      [programId, payer],
    );
    const batches: BatchView[] = [];
    for (const row of rows) batches.push(await BatchStore.get(manager, row.id, false, payer));
    return batches;
  },

  /**
   * The batch with its lines. `payer` (a district-level officer's own payer) confines the read to that payer's
   * batches: another payer's batch is not found (404), as if it did not exist, rather than refused.
   */
  async get(manager: EntityManager, batchId: string, lock = false, payer: string | null = null): Promise<BatchView> {
    const [batch] = await queryRows<Omit<BatchView, 'lines' | 'totalFen' | 'payerName'> & { totalFen: string; districtName: string | null }>(
      manager,
      `select b.id, b.program_id as "programId", p.title as "programTitle", b.payer, b.status, b.total_fen::text as "totalFen", b.created_at as "createdAt",
              (select d.name_zh from districts d where 'district:' || d.code = b.payer) as "districtName"
         from payment_batches b join programs p on p.id = b.program_id where b.id = $1 and ($2::text is null or b.payer = $2) ${lock ? 'for update of b' : ''}`,
      [batchId, payer],
    );
    if (!batch) throw new FinanceNotFoundError({ zh: '没有找到该支付批次', en: 'No such payment batch' }, [{ path: 'id', message: 'no such batch', messageZh: '没有该批次' }]);
    const lines = await queryRows<Omit<BatchLine, 'amountFen'> & { amountFen: string }>(
      manager,
      `select l.line_no as "lineNo", l.installment_id as "installmentId", l.amount_fen::text as "amountFen", l.payee_name as "payeeName",
              l.payee_uscc as "payeeUscc", l.bank_name as "bankName", l.account_no as "accountNo", l.purpose, l.article,
              case when l.status = 'instructed' and i.status = 'due' then 'pending' else l.status end as status,
              l.bank_reference as "bankReference"
         from payment_batch_lines l join finance_installments i on i.id = l.installment_id
        where l.batch_id = $1 order by l.line_no`,
      [batchId],
    );
    const status = lines.some((l) => l.status === 'pending') ? 'releasing' : batch.status;
    const { districtName, ...fields } = batch;
    const names = new Map(districtName ? [[batch.payer.slice('district:'.length), districtName]] : []);
    return { ...fields, payerName: payerName(batch.payer, names), status, totalFen: Number(batch.totalFen), lines: lines.map((l) => ({ ...l, amountFen: Number(l.amountFen) })) };
  },
};
