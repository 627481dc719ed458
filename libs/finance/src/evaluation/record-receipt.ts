import { Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { isCalendarDate } from '@subsidy/calendar';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { FinanceNotFoundError, FinanceStateError, FinanceValidationError } from '../finance-errors';
import { evaluationPayerScope, payerCondition } from './evaluation-scope';

export interface FundUseReceipt {
  reportId: string;
  awardId: string;
  dueOn: string;
  receivedOn: string;
  receivedBy: string;
  note: string | null;
}

/** Records that an awardee handed in its use-of-funds report; once only (a second receipt is a 409, not an overwrite). */
@Injectable()
export class RecordFundUseReceipt {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
  ) {}

  execute(actor: Actor, reportId: string, body: { receivedOn: string; note?: string }): Promise<FundUseReceipt> {
    if (!isCalendarDate(body.receivedOn)) throw new FinanceValidationError({ zh: '收到日期格式有误', en: 'Invalid request: receivedOn' }, [
        { path: 'receivedOn', message: 'must be a calendar date YYYY-MM-DD', messageZh: '须为日期（年-月-日）' },
      ]);
    const only = evaluationPayerScope(actor);
    return this.transactions.run(async (manager) => {
      const report = await visibleReport(manager, reportId, only);
      if (report.receivedOn !== null) throw new FinanceStateError({ zh: `该资金使用报告已于 ${report.receivedOn} 登记收到`, en: `This report was already received on ${report.receivedOn}` }, [
          { path: 'id', message: 'already received', messageZh: '已登记收到' },
        ]);
      if (body.receivedOn < report.paidOn) throw new FinanceValidationError({ zh: '收到日期不能早于付款日期', en: 'Invalid request: receivedOn' }, [
          { path: 'receivedOn', message: `must not be before the payment on ${report.paidOn}`, messageZh: `不能早于付款日期 ${report.paidOn}` },
        ]);
      const note = body.note ?? null;
      await manager.query(`update fund_use_reports set received_on = $2, received_by = $3, note = $4 where id = $1`, [reportId, body.receivedOn, actor.id, note]);
      await this.audit.record(manager, {
        action: 'finance.fund-use-report-received',
        entityType: 'fund_use_report',
        entityId: reportId,
        data: { awardId: report.awardId, receivedOn: body.receivedOn, dueOn: report.dueOn, note },
      });
      return { reportId, awardId: report.awardId, dueOn: report.dueOn, receivedOn: body.receivedOn, receivedBy: actor.id, note };
    });
  }
}

async function visibleReport(manager: EntityManager, reportId: string, only: string | null): Promise<{ awardId: string; paidOn: string; dueOn: string; receivedOn: string | null }> {
  const [report] = await queryRows<{ awardId: string; paidOn: string; dueOn: string; receivedOn: string | null }>(
    manager,
    `select r.award_id as "awardId", to_char(r.paid_on, 'YYYY-MM-DD') as "paidOn", to_char(r.due_on, 'YYYY-MM-DD') as "dueOn",
            to_char(r.received_on, 'YYYY-MM-DD') as "receivedOn"
       from fund_use_reports r join finance_awards a on a.id = r.award_id
      where r.id = $1 and ${payerCondition(2)}
      for update of r`,
    [reportId, only],
  );
  // Another district's report is answered like a missing one: its existence is not the officer's business.
  if (!report) throw new FinanceNotFoundError({ zh: '没有找到该资金使用报告', en: 'No such use-of-funds report' }, [{ path: 'id', message: 'no such report', messageZh: '没有该报告' }]);
  return report;
}
