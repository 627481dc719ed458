import { HolidayDayInput, holidayYearProblems, holidayYearSchedule, HolidayYearSchedule } from '@subsidy/calendar';
import { ValidationFailedError } from '@subsidy/common';
import { AuditLog } from '@subsidy/audit';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';

/** Every process listens on this channel and reloads the calendar when a year is written (see HolidayCalendarCache). */
export const HOLIDAY_CALENDAR_CHANNEL = 'holiday_calendar_changed';
/** The platform tenant, whose audit chain records changes to the platform-wide calendar. */
export const HOLIDAY_AUDIT_TENANT = 'platform';

/** A year's notice as an operator enters it (the endpoint's body, the CLI's file). */
export interface HolidayYearInput {
  year: number;
  /** The notice's document number (文号), e.g. 国办发明电〔2025〕7号. */
  noticeNumber: string;
  /** Where the notice is published (www.gov.cn). */
  noticeUrl?: string | null;
  days: HolidayDayInput[];
}

/** A stored year and where it came from. */
export interface HolidayYearView {
  year: number;
  noticeNumber: string;
  noticeUrl: string | null;
  addedBy: string;
  addedAt: string;
  version: number;
  holidays: number;
  workdays: number;
}

type Query = (sql: string, params?: unknown[]) => Promise<unknown[]>;

/** Every stored year with its days, as the calendar reads them. Works with any role that may read the tables. */
export async function loadHolidaySchedules(query: Query): Promise<HolidayYearSchedule[]> {
  const rows = (await query(
    `select d.year, to_char(d.date, 'YYYY-MM-DD') as date, d.kind, d.name from holiday_year_days d order by d.date`,
  )) as Array<{ year: number; date: string; kind: 'holiday' | 'workday'; name: string }>;
  const years = (await query(`select year from holiday_years order by year`)) as Array<{ year: number }>;
  return years.map(({ year }) => holidayYearSchedule(year, rows.filter((r) => r.year === year)));
}

export async function listHolidayYears(query: Query): Promise<HolidayYearView[]> {
  const rows = (await query(
    `select y.year, y.notice_number as "noticeNumber", y.notice_url as "noticeUrl", y.added_by as "addedBy", y.added_at as "addedAt", y.version,
            count(d.date) filter (where d.kind = 'holiday')::int as holidays, count(d.date) filter (where d.kind = 'workday')::int as workdays
       from holiday_years y left join holiday_year_days d on d.year = y.year
      group by y.year order by y.year`,
  )) as Array<Omit<HolidayYearView, 'addedAt'> & { addedAt: Date }>;
  return rows.map((r) => ({ ...r, addedAt: r.addedAt.toISOString() }));
}

/** Refuses a notice that cannot be used, naming every offending field in both languages. */
export function assertHolidayYearValid(input: HolidayYearInput): void {
  const problems = holidayYearProblems(input.year, input.days);
  if (problems.length === 0) return;
  throw new ValidationFailedError(
    { zh: `${input.year} 年节假日安排有误，未保存`, en: `The ${input.year} holiday schedule has errors and was not saved` },
    problems.map((p) => ({ path: p.path, message: p.message, messageZh: p.messageZh })),
  );
}

/**
 * Writes (or replaces) one year in a transaction of the owner role: the notice, its days, an audit record in the
 * platform tenant's chain and a notification every process reloads on once the transaction commits.
 * `addedBy` names the person: the platform administrator's user id, or the operator at the command line.
 */
export async function saveHolidayYear(
  owner: { transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> },
  input: HolidayYearInput,
  who: { actor: Actor; addedBy: string; reason?: string | null },
): Promise<HolidayYearView> {
  assertHolidayYearValid(input);
  return RequestContextStore.withTenant(
    HOLIDAY_AUDIT_TENANT,
    () =>
      owner.transaction(async (manager) => {
        await manager.query(`select set_config('app.tenant_id', $1, true)`, [HOLIDAY_AUDIT_TENANT]);
        const [previous] = (await manager.query(`select notice_number as "noticeNumber", version from holiday_years where year = $1 for update`, [input.year])) as Array<{
          noticeNumber: string;
          version: number;
        }>;
        await manager.query(
          `insert into holiday_years (year, notice_number, notice_url, added_by, added_at) values ($1, $2, $3, $4, now())
           on conflict (year) do update set notice_number = excluded.notice_number, notice_url = excluded.notice_url,
             added_by = excluded.added_by, added_at = excluded.added_at, version = holiday_years.version + 1`,
          [input.year, input.noticeNumber.trim(), input.noticeUrl ?? null, who.addedBy],
        );
        await manager.query(`delete from holiday_year_days where year = $1`, [input.year]);
        const sorted = [...input.days].sort((a, b) => (a.date < b.date ? -1 : 1));
        await manager.query(
          `insert into holiday_year_days (date, year, kind, name)
           select d.date::date, $1, d.kind, d.name from jsonb_to_recordset($2::jsonb) as d(date text, kind text, name text)`,
          [input.year, JSON.stringify(sorted.map((d) => ({ date: d.date, kind: d.kind, name: d.name.trim() })))],
        );
        await new AuditLog().record(manager, {
          action: previous ? 'holiday-calendar.year-replaced' : 'holiday-calendar.year-added',
          entityType: 'holiday_year',
          entityId: String(input.year),
          reason: who.reason ?? null,
          data: {
            noticeNumber: input.noticeNumber.trim(),
            noticeUrl: input.noticeUrl ?? null,
            addedBy: who.addedBy,
            days: sorted.map((d) => `${d.date} ${d.kind} ${d.name.trim()}`),
            ...(previous ? { previousNoticeNumber: previous.noticeNumber, previousVersion: previous.version } : {}),
          },
        });
        await manager.query(`select pg_notify($1, $2)`, [HOLIDAY_CALENDAR_CHANNEL, String(input.year)]);
        const views = await listHolidayYears((sql, params) => manager.query(sql, params));
        return views.find((v) => v.year === input.year) as HolidayYearView;
      }),
    who.actor,
  );
}
