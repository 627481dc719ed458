import { CalendarDate } from '@subsidy/calendar';
import { EntityManager } from 'typeorm';
import { addMonths, FUND_USE_REPORT_MONTHS } from './report-due-date';

/**
 * Called in the confirm transaction for every line confirmed paid: the award behind the installment now owes a
 * use-of-funds report. The first payment fixes `paid_on` and `due_on`; later installments or payers of the same award
 * find the obligation already there and leave it as it is.
 */
export async function ensureFundUseReport(manager: EntityManager, installmentId: string, paidOn: CalendarDate): Promise<void> {
  await manager.query(
    `insert into fund_use_reports (tenant_id, program_id, application_id, organization_id, award_id, paid_on, due_on)
     select a.tenant_id, a.program_id, a.application_id, a.organization_id, a.id, $2::date, $3::date
       from finance_installments i
       join finance_shares s on s.id = i.share_id
       join finance_awards a on a.id = s.award_id
      where i.id = $1
     on conflict (tenant_id, award_id) do nothing`,
    [installmentId, paidOn, addMonths(paidOn, FUND_USE_REPORT_MONTHS)],
  );
}
