/**
 * @subsidy/holiday-calendar: the State Council's yearly holiday notices an operator adds (table holiday_years), fed to
 * the pure @subsidy/calendar as its source in every process, and the platform administrator's endpoint to add them.
 */
export * from './holiday-years';
export * from './holiday-calendar-cache';
export * from './holiday-calendar-admin';
export * from './holiday-calendar.module';
export * from './owner-data-source';
export * from './http/holiday-year.dto';
export * from './holiday-year-file';
