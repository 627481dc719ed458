import { MigrationInterface, QueryRunner } from 'typeorm';
import { roleNames } from './sql';

/**
 * The State Council's yearly holiday notices (国务院办公厅关于某年部分节假日安排的通知) an operator has added, so a
 * year the `chinese-days` package does not carry yet needs no release (libs/holiday-calendar). Platform-wide, not a
 * tenant table: every tenant counts working days by the same calendar, so no tenant_id and no row-level security.
 * The application role may only read; a platform administrator's endpoint and `npm run calendar:add-year` write as the
 * owner role. A year written here replaces the package's days for that year.
 *
 * `holiday_years` is one row per notice (its 文号 and address, who added it, when); `holiday_year_days` its days off
 * (放假) and make-up working days (调休上班), each with the holiday's name. A change notifies `holiday_calendar_changed`,
 * so every process reloads at once (each also reloads every minute).
 */
export class HolidayCalendar1763900011050 implements MigrationInterface {
  name = 'HolidayCalendar1763900011050';

  async up(q: QueryRunner): Promise<void> {
    const { app } = roleNames();
    const statements = [
      `CREATE TABLE holiday_years (
         year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2200),
         notice_number text NOT NULL CHECK (length(btrim(notice_number)) BETWEEN 1 AND 100),
         notice_url text CHECK (notice_url IS NULL OR (notice_url ~ '^https?://' AND length(notice_url) <= 500)),
         added_by text NOT NULL,
         added_at timestamptz NOT NULL,
         version integer NOT NULL DEFAULT 1 CHECK (version >= 1)
       )`,
      `CREATE TABLE holiday_year_days (
         date date PRIMARY KEY,
         year integer NOT NULL REFERENCES holiday_years(year) ON DELETE CASCADE,
         kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
         name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 50),
         CHECK (extract(year FROM date)::integer = year)
       )`,
      `CREATE INDEX holiday_year_days_year ON holiday_year_days (year)`,
      `GRANT SELECT ON holiday_years, holiday_year_days TO ${app}`,
    ];
    for (const statement of statements) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS holiday_year_days`);
    await q.query(`DROP TABLE IF EXISTS holiday_years`);
  }
}
