import { queryRows } from '@subsidy/database';
import { EntityManager } from 'typeorm';

/**
 * Where the money of a handed-over application stands, derived from finance's own records (installments and batch
 * lines), never stored: the workflow ends at `handed_over` and finance pays per installment and payer, so "paid" is a
 * reading of those records rather than a workflow state.
 * - `awaiting_payment`: taken in by finance, nothing paid yet and no bank refusal outstanding;
 * - `payment_failed`: an installment not yet paid whose latest batch line the bank refused (it falls due again);
 * - `partly_paid`: some installments paid, others not (a later condition, another payer, or a batch still open);
 * - `paid`: every installment of every share still payable is paid.
 * Installments of shares finance released (not to be paid) and cancelled installments do not count.
 */
export type ApplicationPaymentStatus = 'awaiting_payment' | 'payment_failed' | 'partly_paid' | 'paid';

export interface ApplicationPayment {
  status: ApplicationPaymentStatus;
  /** What the payers are to pay in all (fen), what they paid, and what was claimed back (clawbacks). */
  payableFen: number;
  paidFen: number;
  clawedBackFen: number;
}

interface InstallmentRow {
  amountFen: string;
  status: string;
  lastLine: string | null;
}

/** Null while finance has not taken the application in (no award rows). */
export async function applicationPayment(manager: EntityManager, applicationId: string): Promise<ApplicationPayment | null> {
  const installments = await queryRows<InstallmentRow>(
    manager,
    `select i.amount_fen::text as "amountFen", i.status,
            (select l.status from payment_batch_lines l join payment_batches b on b.id = l.batch_id
              where l.installment_id = i.id order by b.created_at desc, l.batch_id desc limit 1) as "lastLine"
       from finance_installments i
       join finance_shares s on s.id = i.share_id
       join finance_awards a on a.id = s.award_id
      where a.application_id = $1 and s.status <> 'released' and i.status <> 'cancelled'`,
    [applicationId],
  );
  if (installments.length === 0) {
    const [taken] = await queryRows<{ n: number }>(manager, `select count(*)::int as n from finance_awards where application_id = $1`, [applicationId]);
    if (taken.n === 0) return null;
  }
  const [clawed] = await queryRows<{ total: string }>(manager, `select coalesce(sum(amount_fen), 0)::text as total from clawbacks where application_id = $1`, [applicationId]);
  const payableFen = installments.reduce((sum, i) => sum + Number(i.amountFen), 0);
  const paid = installments.filter((i) => i.status === 'paid');
  const paidFen = paid.reduce((sum, i) => sum + Number(i.amountFen), 0);
  const failed = installments.some((i) => i.status !== 'paid' && i.lastLine === 'failed');
  const status: ApplicationPaymentStatus =
    installments.length > 0 && paid.length === installments.length ? 'paid' : failed ? 'payment_failed' : paid.length > 0 ? 'partly_paid' : 'awaiting_payment';
  return { status, payableFen, paidFen, clawedBackFen: Number(clawed.total) };
}
