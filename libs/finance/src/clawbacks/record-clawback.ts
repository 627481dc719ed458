import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock, cstToday } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { largestRemainder } from '@subsidy/policy';
import { Actor } from '@subsidy/tenancy';
import { FinanceNotFoundError, FinanceValidationError } from '../finance-errors';
import { Ledger, transfer } from '../ledger';
import { fenToYuan } from '../payments/yuan';
import { findProgram } from '../program-lookup';

export type ClawbackReasonKind = 'fraud' | 'misuse' | 'unfinished_contract';

export interface RecordClawbackCommand {
  applicationId: string;
  reasonKind: ClawbackReasonKind;
  reason: string;
  amountFen: number;
  /** The CST date the fraud, misuse or failure was found: the ban runs from it. */
  foundOn: string;
}

export interface ClawbackView {
  id: string;
  applicationId: string;
  organizationId: string;
  reasonKind: ClawbackReasonKind;
  amountFen: number;
  shares: Array<{ payer: string; amountFen: number }>;
  sanction: { kind: 'fraud_ban'; on: string } | null;
}

/** Reasons after which the policies bar the organization (骗取、套取、挪用: fraud and misuse). */
const BANNING: ReadonlySet<ClawbackReasonKind> = new Set(['fraud', 'misuse']);

/** How the notice to the organization names the ground of a clawback. */
const GROUNDS: Record<ClawbackReasonKind, string> = { fraud: '骗取、套取资助资金', misuse: '违规使用资助资金', unfinished_contract: '未完成合同约定' };

/**
 * A program officer claims money back from a paid application. The claim is split between the payers in proportion
 * to what each paid (largest remainder), each part moving paid → clawback_receivable; fraud and misuse also record a
 * fraud_ban sanction dated the finding, which the policy's fraud_ban rule turns into its 3- or 5-year ban.
 */
@Injectable()
export class RecordClawback {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(actor: Actor, command: RecordClawbackCommand): Promise<ClawbackView> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(command.foundOn)) throw new FinanceValidationError({ zh: '发现日期格式有误', en: 'Invalid request: foundOn' }, [{ path: 'foundOn', message: 'must be a date YYYY-MM-DD', messageZh: '须为日期（年-月-日）' }]);
    // The finding dates the fraud ban: a finding not yet made would start a ban in the future, so today (CST, by the
    // clock) is the latest date a clawback may carry.
    const today = cstToday(this.clock);
    if (command.foundOn > today) {
      throw new FinanceValidationError(
        { zh: `发现日期不能晚于今天（${today}）`, en: `Invalid request: foundOn ${command.foundOn} is after today (${today})` },
        [{ path: 'foundOn', message: `must not be after today (${today})`, messageZh: `不能晚于今天（${today}）` }],
      );
    }
    return this.transactions.run(async (manager) => {
      const [application] = await queryRows<{ programId: string; organizationId: string }>(
        manager,
        `select program_id as "programId", organization_id as "organizationId" from applications where id = $1`,
        [command.applicationId],
      );
      if (!application) throw new FinanceNotFoundError({ zh: '没有找到该申报', en: 'No such application' }, [{ path: 'applicationId', message: 'no such application', messageZh: '没有该申报' }]);
      const program = await findProgram(manager, application.programId, true);
      const paid = await queryRows<{ payer: string; paidFen: string }>(
        manager,
        `select payer, sum(amount_fen)::text as "paidFen" from (
           select s.payer, i.amount_fen from finance_installments i
             join finance_shares s on s.id = i.share_id join finance_awards a on a.id = s.award_id
            where a.application_id = $1 and i.status = 'paid'
           union all
           select cs.payer, -cs.amount_fen from clawback_shares cs join clawbacks c on c.id = cs.clawback_id where c.application_id = $1
         ) movements group by payer having sum(amount_fen) > 0 order by payer`,
        [command.applicationId],
      );
      const paidTotal = paid.reduce((sum, p) => sum + Number(p.paidFen), 0);
      if (command.amountFen > paidTotal) {
        throw new FinanceValidationError({ zh: '追回金额超过已支付且尚未追回的金额', en: 'Invalid request: amountFen' }, [
          { path: 'amountFen', message: `at most ${paidTotal} fen was paid and not yet claimed back`, messageZh: `最多 ${fenToYuan(paidTotal)} 元` },
        ]);
      }
      const parts = largestRemainder(command.amountFen, paid.map((p) => Number(p.paidFen)));
      const [clawback] = await queryRows<{ id: string }>(
        manager,
        `insert into clawbacks (tenant_id, program_id, application_id, organization_id, reason_kind, reason, amount_fen, found_on, created_by, created_at)
         values (current_setting('app.tenant_id', true), $1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
        [application.programId, command.applicationId, application.organizationId, command.reasonKind, command.reason, command.amountFen, command.foundOn, actor.id, this.clock.now()],
      );
      const shares: ClawbackView['shares'] = [];
      for (const [index, part] of parts.entries()) {
        if (part === 0) continue;
        const payer = paid[index].payer;
        await manager.query(`insert into clawback_shares (tenant_id, clawback_id, payer, amount_fen) values (current_setting('app.tenant_id', true), $1, $2, $3)`, [clawback.id, payer, part]);
        await Ledger.post(
          manager,
          transfer(
            'clawback_claimed',
            { kind: 'paid', programId: application.programId, payer },
            { kind: 'clawback_receivable', programId: application.programId, payer },
            BigInt(part),
            `clawback (${command.reasonKind}) from application ${command.applicationId}`,
            { clawbackId: clawback.id, applicationId: command.applicationId },
          ),
          actor.id,
        );
        shares.push({ payer, amountFen: part });
      }
      let sanction: ClawbackView['sanction'] = null;
      if (BANNING.has(command.reasonKind)) {
        await manager.query(
          `insert into sanctions (tenant_id, organization_id, kind, on_date, reason, clawback_id, created_by) values (current_setting('app.tenant_id', true), $1, 'fraud_ban', $2, $3, $4, $5)`,
          [application.organizationId, command.foundOn, command.reason, clawback.id, actor.id],
        );
        sanction = { kind: 'fraud_ban', on: command.foundOn };
      }
      await this.audit.record(manager, {
        action: 'finance.clawback-recorded',
        entityType: 'application',
        entityId: command.applicationId,
        reason: command.reason,
        data: { clawbackId: clawback.id, reasonKind: command.reasonKind, amountFen: command.amountFen, shares, sanction },
      });
      await this.notifier.notify(manager, [{ organizationId: application.organizationId }], {
        kind: 'clawback.claimed',
        subject: `${program.title}：资助资金追回通知`,
        body:
          `因${GROUNDS[command.reasonKind]}（${command.reason}），需退回《${program.title}》已拨付的资助资金 ${fenToYuan(command.amountFen)} 元（${command.foundOn} 查实）。` +
          (sanction ? '该行为已记录，将按政策规定限制本单位今后的申报资格。' : ''),
        entity: { type: 'application', id: command.applicationId },
      });
      return { id: clawback.id, applicationId: command.applicationId, organizationId: application.organizationId, reasonKind: command.reasonKind, amountFen: command.amountFen, shares, sanction };
    });
  }
}
