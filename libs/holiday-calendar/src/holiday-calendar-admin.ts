import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@subsidy/config';
import { Actor } from '@subsidy/tenancy';
import { DataSource } from 'typeorm';
import { HolidayCalendarCache } from './holiday-calendar-cache';
import { HolidayYearInput, HolidayYearView, listHolidayYears, saveHolidayYear } from './holiday-years';
import { openOwnerDataSource } from './owner-data-source';

/** The platform administrator's use cases: list the stored years, add or replace one (written as the owner role). */
@Injectable()
export class HolidayCalendarAdmin implements OnModuleDestroy {
  private owner: Promise<DataSource> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cache: HolidayCalendarCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(): Promise<HolidayYearView[]> {
    return listHolidayYears((sql, params) => this.dataSource.query(sql, params));
  }

  async save(input: HolidayYearInput, actor: Actor, reason?: string | null): Promise<HolidayYearView> {
    this.owner ??= openOwnerDataSource(this.config).catch((error: unknown) => {
      this.owner = undefined;
      throw error;
    });
    const view = await saveHolidayYear(await this.owner, input, { actor, addedBy: actor.id, reason });
    // This process answers with the new year at once; the others reload on the notification.
    await this.cache.reload();
    return view;
  }

  async onModuleDestroy(): Promise<void> {
    const owner = this.owner;
    this.owner = undefined;
    if (owner) await (await owner.catch(() => undefined))?.destroy();
  }
}
