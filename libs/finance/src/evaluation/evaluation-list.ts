import { Inject, Injectable } from '@nestjs/common';
import { CalendarDate, Clock, cstToday, isCalendarDate } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { queryRows, TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { FinanceValidationError } from '../finance-errors';
import { findProgram } from '../program-lookup';
import { evaluationPayerScope, payerCondition } from './evaluation-scope';
import { AWARD_ITEM_LABEL_SQL } from '../award-item-label';

export const EVALUATION_STATUSES = ['due', 'overdue', 'received', 'all'] as const;
export type EvaluationStatusFilter = (typeof EVALUATION_STATUSES)[number];
export type ReportStatus = Exclude<EvaluationStatusFilter, 'all'>;

export interface EvaluationListItem {
  reportId: string;
  applicationId: string;
  awardId: string;
  organizationId: string;
  awardeeName: string;
  creditCode: string;
  districtCode: string;
  districtName: string;
  achievementId: string;
  /** The item as the decision names it (policy label and standard number); lists show this, never the id. */
  itemLabel: string;
  article: string | null;
  decidedFen: number;
  /** Every payer's confirmed payments for the award so far. */
  paidFen: number;
  paidOn: string;
  dueOn: string;
  status: ReportStatus;
  receivedOn: string | null;
  note: string | null;
}

export interface EvaluationList {
  programId: string;
  title: string;
  /** The date `status` is judged at: the requested `dueBy`, or CST today. */
  asOf: string;
  status: EvaluationStatusFilter;
  items: EvaluationListItem[];
}

/** Not received and its due date has passed (`due_on` before `asOf`) → overdue; not yet passed → due. */
export function reportStatus(dueOn: string, receivedOn: string | null, asOf: CalendarDate): ReportStatus {
  if (receivedOn !== null) return 'received';
  return dueOn < asOf ? 'overdue' : 'due';
}

type Row = Omit<EvaluationListItem, 'status' | 'paidFen' | 'decidedFen'> & { paidFen: string; decidedFen: string };

/** 绩效评价名单: the awardees of a program owing (or having handed in) a use-of-funds report. */
@Injectable()
export class EvaluationLists {
  constructor(
    private readonly transactions: TenantTransactions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  list(actor: Actor, programId: string, query: { dueBy?: string; status?: string }): Promise<EvaluationList> {
    const asOf = query.dueBy === undefined ? cstToday(this.clock) : validDate(query.dueBy);
    const status = validStatus(query.status ?? 'all');
    const only = evaluationPayerScope(actor);
    return this.transactions.run(async (manager) => {
      const program = await findProgram(manager, programId);
      const rows = await queryRows<Row>(
        manager,
        `select r.id as "reportId", r.application_id as "applicationId", r.award_id as "awardId", r.organization_id as "organizationId",
                o.name as "awardeeName", o.uscc as "creditCode", a.district_code as "districtCode", coalesce(d.name_zh, '') as "districtName",
                a.achievement_id as "achievementId", ${AWARD_ITEM_LABEL_SQL} as "itemLabel", a.article, a.decided_fen::text as "decidedFen",
                (select coalesce(sum(l.amount_fen), 0) from payment_batch_lines l
                   join finance_installments i on i.id = l.installment_id
                   join finance_shares s on s.id = i.share_id
                  where s.award_id = a.id and l.status = 'paid')::text as "paidFen",
                to_char(r.paid_on, 'YYYY-MM-DD') as "paidOn", to_char(r.due_on, 'YYYY-MM-DD') as "dueOn",
                to_char(r.received_on, 'YYYY-MM-DD') as "receivedOn", r.note
           from fund_use_reports r
           join finance_awards a on a.id = r.award_id
           join organizations o on o.id = r.organization_id
           left join districts d on d.code = a.district_code
          where r.program_id = $1 and ${payerCondition(2)}
          order by r.due_on, o.name, a.achievement_id`,
        [program.id, only],
      );
      const items = rows
        .map((row): EvaluationListItem => ({ ...row, decidedFen: Number(row.decidedFen), paidFen: Number(row.paidFen), status: reportStatus(row.dueOn, row.receivedOn, asOf) }))
        .filter((item) => status === 'all' || item.status === status);
      return { programId: program.id, title: program.title, asOf, status, items };
    });
  }
}

function validDate(value: string): CalendarDate {
  if (isCalendarDate(value)) return value;
  throw new FinanceValidationError({ zh: '截止日期格式有误', en: 'Invalid request: dueBy' }, [{ path: 'dueBy', message: 'must be a calendar date YYYY-MM-DD', messageZh: '须为日期（年-月-日）' }]);
}

function validStatus(value: string): EvaluationStatusFilter {
  const known = EVALUATION_STATUSES.find((s) => s === value);
  if (known) return known;
  throw new FinanceValidationError({ zh: '状态筛选条件有误', en: 'Invalid request: status' }, [
    { path: 'status', message: `must be one of ${EVALUATION_STATUSES.join(', ')}`, messageZh: '不是可选的状态' },
  ]);
}
