import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { ClockModule } from '@subsidy/common';
import { AppConfig, ConfigModule } from '@subsidy/config';
import { DatabaseModule } from '@subsidy/database';
import { WorkerModule } from '@subsidy/queue';
import { WorkflowModule } from '@subsidy/workflow';
import { AwardsModule } from '@subsidy/awards';
import { FinanceModule } from '@subsidy/finance';
import { HolidayCalendarModule } from '@subsidy/holiday-calendar';
import { OfficialListJobsModule } from '@subsidy/official-lists';
import { AuditMaintenanceModule } from './maintenance/audit-maintenance.module';

export interface WorkerAppOptions {
  /** Replaces the system clock (tests move time instead of waiting). */
  clock?: Clock;
}

/** The worker's composition root: job handlers come from the feature modules listed here. */
@Module({})
export class WorkerAppModule {
  static forRoot(config: AppConfig, options: WorkerAppOptions = {}): DynamicModule {
    return {
      module: WorkerAppModule,
      imports: [ConfigModule.forRoot(config), ClockModule.forRoot(options.clock), DatabaseModule, AuditModule, WorkerModule.forRoot(), AuditMaintenanceModule, AwardsModule, WorkflowModule, FinanceModule, HolidayCalendarModule, OfficialListJobsModule],
    };
  }
}
