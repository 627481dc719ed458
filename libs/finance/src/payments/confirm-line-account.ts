import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Outbox } from '@subsidy/queue';
import { Actor } from '@subsidy/tenancy';
import { AccountConfirmationMismatchError, LineNotHeldError, SameOfficerConfirmationError } from '../bank-accounts/payee-account-errors';
import { normalizeAccountNo } from '../bank-accounts/payee-account-rules';
import { FinanceNotFoundError } from '../finance-errors';
import { ownPayer } from '../payer-access';
import { findProgram } from '../program-lookup';
import { BatchStore, BatchView } from './batch-store';

export interface ConfirmLineAccountCommand {
  batchId: string;
  lineNo: number;
  /** The account number the officer checked (e.g. against the organization's account form): must be the current one. */
  accountNo: string;
  /** How it was checked; kept in the audit trail. */
  note: string;
}

interface HeldLine {
  status: string;
  shareId: string;
  organizationId: string;
  payeeName: string;
}

interface CurrentAccount {
  accountName: string;
  bankName: string;
  accountNo: string;
  version: number;
  updatedBy: string;
}

/**
 * A finance officer of the batch's payer confirms the changed payee account of one held line: the line takes the
 * organization's current account, returns to `instructed` and its instruction job is queued (the worker moves it
 * approved → payable like any released line), and the share records the confirmed account version so its later
 * installments are not held again for the same change. The officer types the account number checked, which must be
 * the current one (an account changed once more since is not confirmed by accident), and may not be the officer who
 * made the change. Audited with the note.
 */
@Injectable()
export class ConfirmLineAccount {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(actor: Actor, command: ConfirmLineAccountCommand): Promise<BatchView> {
    const payer = ownPayer(actor);
    return this.transactions.run(async (manager) => {
      // Another payer's batch is not found, as when reading it; the program is locked first, as by every money move.
      const batch = await BatchStore.get(manager, command.batchId, false, payer);
      const program = await findProgram(manager, batch.programId, true);
      const [line] = await queryRows<HeldLine>(
        manager,
        `select l.status, i.share_id as "shareId", a.organization_id as "organizationId", l.payee_name as "payeeName"
           from payment_batch_lines l
           join finance_installments i on i.id = l.installment_id
           join finance_shares s on s.id = i.share_id
           join finance_awards a on a.id = s.award_id
          where l.batch_id = $1 and l.line_no = $2
          for update of l`,
        [batch.id, command.lineNo],
      );
      if (!line) throw new FinanceNotFoundError({ zh: '该批次中没有这一笔支付明细', en: 'No such line in this batch' }, [
          { path: 'lineNo', message: 'no such line in this batch', messageZh: '该批次中没有这一笔' },
        ]);
      if (line.status !== 'held_account_changed') throw new LineNotHeldError(command.lineNo, line.status);
      const [account] = await queryRows<CurrentAccount>(
        manager,
        `select account_name as "accountName", bank_name as "bankName", account_no as "accountNo", version, updated_by as "updatedBy"
           from organization_bank_accounts where organization_id = $1 for share`,
        [line.organizationId],
      );
      if (normalizeAccountNo(command.accountNo) !== account.accountNo) {
        throw new AccountConfirmationMismatchError({
          path: 'accountNo',
          message: `the payee's current account ends in ${account.accountNo.slice(-4)} (version ${account.version}); check that one`,
          messageZh: `该单位当前收款账户尾号为${account.accountNo.slice(-4)}，请核实该账户`,
        });
      }
      if (account.updatedBy === actor.id) throw new SameOfficerConfirmationError();
      const now = this.clock.now();
      await manager.query(
        `update payment_batch_lines
            set status = 'instructed', bank_name = $3, account_no = $4, account_version = $5, account_confirmed_by = $6, account_confirmed_at = $7
          where batch_id = $1 and line_no = $2`,
        [batch.id, command.lineNo, account.bankName, account.accountNo, account.version, actor.id, now],
      );
      await manager.query(`update finance_shares set payee_account_version = $2 where id = $1`, [line.shareId, account.version]);
      // Due now by the injected clock, the one the relay compares run_at with.
      await this.outbox.enqueue(manager, 'finance', 'payment.instruct-line', { tenantId: program.tenantId, batchId: batch.id, lineNo: command.lineNo }, { runAt: now });
      await this.audit.record(manager, {
        action: 'finance.payee-account-confirmed',
        entityType: 'payment_batch',
        entityId: batch.id,
        reason: command.note,
        data: {
          lineNo: command.lineNo,
          organizationId: line.organizationId,
          accountVersion: account.version,
          accountName: account.accountName,
          bankName: account.bankName,
          accountNoLast4: account.accountNo.slice(-4),
        },
      });
      return BatchStore.get(manager, batch.id);
    });
  }
}
