import { Module } from '@nestjs/common';
import { HolidayCalendarAdmin } from './holiday-calendar-admin';
import { HolidayCalendarCache } from './holiday-calendar-cache';
import { HolidayCalendarController } from './http/holiday-calendar.controller';

/** Installs the operator-added holiday years as the calendar's source (API and worker alike). */
@Module({ providers: [HolidayCalendarCache], exports: [HolidayCalendarCache] })
export class HolidayCalendarModule {}

/** The platform administrator's endpoints (API only). */
@Module({ imports: [HolidayCalendarModule], providers: [HolidayCalendarAdmin], controllers: [HolidayCalendarController] })
export class HolidayCalendarHttpModule {}
