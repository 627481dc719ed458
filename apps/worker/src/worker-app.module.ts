import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@subsidy/audit';
import { AppConfig, ConfigModule } from '@subsidy/config';
import { DatabaseModule } from '@subsidy/database';
import { MaintenanceJobsModule, WorkerModule } from '@subsidy/queue';

/** The worker's composition root: job handlers come from the feature modules listed here. */
@Module({})
export class WorkerAppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerAppModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, AuditModule, WorkerModule.forRoot(), MaintenanceJobsModule],
    };
  }
}
