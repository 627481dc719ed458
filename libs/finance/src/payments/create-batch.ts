import { Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { FinanceStateError, MissingBankAccountError } from '../finance-errors';
import { payerName } from '../payer-names';
import { Outbox } from '@subsidy/queue';
import { assertPayerAccess, validPayer } from '../payer-access';
import { findProgram } from '../program-lookup';
import { BatchStore, BatchView } from './batch-store';
import { accountChangedSinceApproval } from '../bank-accounts/payee-account-rules';
import { instructLine } from './instruct-line';
import { AWARD_ITEM_LABEL_SQL } from '../award-item-label';
import { paymentPurpose } from './payment-purpose';

/** `now`: every line is instructed in this transaction. `queued`: released; one finance job per line instructs it. */
export type BatchInstruction = 'now' | 'queued';

interface DueInstallment {
  installmentId: string;
  shareId: string;
  seq: number;
  condition: string;
  amountFen: string;
  applicationId: string;
  achievementId: string;
  /** What the decision calls the item (standard number, policy label): the purpose names it, never the id. */
  itemLabel: string;
  article: string | null;
  organizationId: string;
  payeeName: string;
  payeeUscc: string;
  bankName: string | null;
  accountNo: string | null;
  accountVersion: number | null;
  approvedAccountVersion: number | null;
}

/**
 * Puts every due installment of a payer's approved shares into one payment batch and instructs it: each line moves
 * its amount from approved to payable in the ledger. Refused as a whole when a payee has no bank account. The payee is
 * named as the decision fixed it (`applications.decided_organization_*`), like every list after the decision.
 * Released (`queued`), the lines are written and one outbox job per line is enqueued in the same transaction; each
 * job instructs its line (finance/payment.instruct-line). Until then the installment stays `due` behind a line in
 * status `instructed` — the pending state (see BatchStore) — and a second batch does not take it again.
 * A line whose payee's account was replaced after its share was approved is written `held_account_changed` and neither
 * instructed nor queued: it waits for a finance officer to confirm the new account (ConfirmLineAccount), and no
 * other batch takes its installment meanwhile.
 */
@Injectable()
export class CreatePaymentBatch {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
  ) {}

  execute(actor: Actor, programId: string, payerInput: string, instruction: BatchInstruction = 'now'): Promise<BatchView> {
    const payer = validPayer(payerInput);
    assertPayerAccess(actor, payer);
    return this.transactions.run(async (manager) => {
      const program = await findProgram(manager, programId, true);
      const due = await queryRows<DueInstallment>(
        manager,
        `select i.id as "installmentId", s.id as "shareId", i.seq, i.condition, i.amount_fen::text as "amountFen",
                a.application_id as "applicationId", a.achievement_id as "achievementId", ${AWARD_ITEM_LABEL_SQL} as "itemLabel", a.article, a.organization_id as "organizationId",
                coalesce(ap.decided_organization_name, o.name) as "payeeName", coalesce(ap.decided_organization_uscc, o.uscc) as "payeeUscc",
                b.bank_name as "bankName", b.account_no as "accountNo", b.version as "accountVersion",
                s.payee_account_version as "approvedAccountVersion"
           from finance_installments i
           join finance_shares s on s.id = i.share_id
           join finance_awards a on a.id = s.award_id
           join applications ap on ap.id = a.application_id
           join organizations o on o.id = a.organization_id
           left join organization_bank_accounts b on b.organization_id = a.organization_id
          where s.program_id = $1 and s.payer = $2 and s.status = 'approved' and i.status = 'due'
            and not exists (select 1 from payment_batch_lines pending where pending.installment_id = i.id and pending.status in ('instructed', 'held_account_changed'))
          order by a.application_id, a.achievement_id, i.seq
          for update of i`,
        [program.id, payer],
      );
      if (due.length === 0) throw new FinanceStateError({ zh: `本项目中没有应由${payerName(payer, new Map())}支付的到期款项`, en: `Nothing of ${payer} is due for payment in this program` });
      const missing = [...new Set(due.filter((d) => !d.accountNo).map((d) => `${d.payeeName} (${d.payeeUscc})`))];
      if (missing.length > 0) {
        throw new MissingBankAccountError(
          { zh: `以下收款单位尚未登记收款账户：${missing.join('、')}`, en: `These payees have no bank account on file: ${missing.join(', ')}` },
          missing.map((m) => ({ path: 'payees', message: m })),
        );
      }
      const total = due.reduce((sum, d) => sum + BigInt(d.amountFen), 0n);
      const [batch] = await queryRows<{ id: string }>(
        manager,
        `insert into payment_batches (tenant_id, program_id, payer, total_fen, created_by) values ($1, $2, $3, $4, $5) returning id`,
        [program.tenantId, program.id, payer, total.toString(), actor.id],
      );
      const held: number[] = [];
      for (const [index, line] of due.entries()) {
        const purpose = paymentPurpose(program.year, line.itemLabel, line.condition);
        // An account replaced after the share was approved waits for a finance officer's check (confirm-line-account.ts).
        const onHold = accountChangedSinceApproval(line.accountVersion!, line.approvedAccountVersion);
        await manager.query(
          `insert into payment_batch_lines (tenant_id, batch_id, line_no, installment_id, amount_fen, payee_name, payee_uscc, bank_name, account_no, purpose, article, status, account_version)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [program.tenantId, batch.id, index + 1, line.installmentId, line.amountFen, line.payeeName, line.payeeUscc, line.bankName, line.accountNo, purpose, line.article, onHold ? 'held_account_changed' : 'instructed', line.accountVersion],
        );
        const lineNo = index + 1;
        if (onHold) {
          held.push(lineNo);
        } else if (instruction === 'now') {
          await instructLine(manager, { ...line, batchId: batch.id, programId: program.id, payer, lineNo }, actor.id);
        } else {
          await this.outbox.enqueue(manager, 'finance', 'payment.instruct-line', { tenantId: program.tenantId, batchId: batch.id, lineNo });
        }
      }
      await this.audit.record(manager, { action: instruction === 'now' ? 'finance.batch-instructed' : 'finance.batch-released', entityType: 'payment_batch', entityId: batch.id, data: { payer, lines: due.length, totalFen: total.toString(), heldAccountChanged: held } });
      return BatchStore.get(manager, batch.id);
    });
  }
}
