import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { HolidayScheduleSource, HolidayYearSchedule, setHolidayScheduleSource } from '@subsidy/calendar';
import { APP_CONFIG, AppConfig } from '@subsidy/config';
import { poolConfig } from '@subsidy/database';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { HOLIDAY_CALENDAR_CHANNEL, loadHolidaySchedules } from './holiday-years';

/** A safety net under the notification: a process that missed it (its listening connection was down) catches up. */
export const HOLIDAY_REFRESH_MS = 60_000;

/**
 * The operator-added years, held in memory so the pure calendar can read them synchronously, and installed as the
 * calendar's source for the whole process at start-up. Every API and worker process reloads them when any process (or
 * `npm run calendar:add-year`) writes a year (PostgreSQL LISTEN on `holiday_calendar_changed`, sent on commit), and
 * every minute in case a notification was missed, so a new year needs no restart.
 *
 * Several applications in one process (tests, the demo) share the calendar: the last one started is the source.
 */
@Injectable()
export class HolidayCalendarCache implements HolidayScheduleSource, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('HolidayCalendar');
  private byYear = new Map<number, HolidayYearSchedule>();
  private listener: Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private restore: (() => void) | undefined;
  private closed = false;
  private loading: Promise<void> | undefined;
  private reloadAgain = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  scheduleOf(year: number): HolidayYearSchedule | undefined {
    return this.byYear.get(year);
  }

  years(): readonly number[] {
    return [...this.byYear.keys()].sort((a, b) => a - b);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.reload();
    this.restore = setHolidayScheduleSource(this);
    await this.listen();
    this.timer = setInterval(() => void this.tick(), HOLIDAY_REFRESH_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.restore?.();
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  /** Reads every stored year; concurrent calls coalesce into one more read after the running one. */
  async reload(): Promise<void> {
    if (this.loading) {
      this.reloadAgain = true;
      return this.loading;
    }
    this.loading = (async () => {
      do {
        this.reloadAgain = false;
        const schedules = await loadHolidaySchedules((sql, params) => this.dataSource.query(sql, params));
        this.byYear = new Map(schedules.map((s) => [s.year, s]));
      } while (this.reloadAgain && !this.closed);
    })().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async tick(): Promise<void> {
    if (this.closed) return;
    try {
      if (!this.listener) await this.listen();
      await this.reload();
    } catch (error) {
      this.logger.warn(`could not reload the holiday calendar: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async listen(): Promise<void> {
    const client = new Client({ ...poolConfig(this.config, 'app'), application_name: 'subsidy-hub:holiday-calendar' });
    const drop = (): void => {
      if (this.listener === client) this.listener = undefined;
    };
    client.on('error', drop);
    client.on('end', drop);
    client.on('notification', (message) => {
      if (message.channel !== HOLIDAY_CALENDAR_CHANNEL || this.closed) return;
      this.reload().catch((error: unknown) => this.logger.warn(`could not reload the holiday calendar: ${error instanceof Error ? error.message : String(error)}`));
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${HOLIDAY_CALENDAR_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      this.logger.warn(`not listening for holiday calendar changes (reloading every ${HOLIDAY_REFRESH_MS / 1000} s instead): ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
  }
}
