import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Clock } from '@subsidy/calendar';
import { ClockModule } from '@subsidy/common';
import { AppConfig, ConfigModule } from '@subsidy/config';
import { DatabaseModule } from '@subsidy/database';
import { AuditModule } from '@subsidy/audit';
import { AuthModule } from '@subsidy/auth';
import { AwardsModule } from '@subsidy/awards';
import { FinanceModule } from '@subsidy/finance';
import { HolidayCalendarHttpModule } from '@subsidy/holiday-calendar';
import { OrganizationsModule } from '@subsidy/organizations';
import { OfficialListsModule } from '@subsidy/official-lists';
import { QueueModule } from '@subsidy/queue';
import { WorkflowModule } from '@subsidy/workflow';
import { PolicyWhatIfModule } from '@subsidy/policy-versions';
import { PolicyVersionsDraftingModule } from '@subsidy/policy-versions';
import { LoggerModule } from 'nestjs-pino';
import { AuditHttpModule } from './audit/audit-http.module';
import { HealthModule } from './health/health.module';
import { loggingOptions } from './logging';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { RequestContextMiddleware } from './request-context.middleware';
import { WebAppModule } from './web/web-app.module';

export interface AppOptions {
  /** Replaces the system clock (tests move time instead of waiting). */
  clock?: Clock;
}

/** The HTTP entry point's composition root: capabilities come from libs, this file only wires them. */
@Module({})
export class AppModule implements NestModule {
  static forRoot(config: AppConfig, options: AppOptions = {}) {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(options.clock),
        LoggerModule.forRoot(loggingOptions(config)),
        RateLimitModule,
        DatabaseModule,
        AuditModule,
        AuthModule,
        OrganizationsModule,
        AwardsModule,
        QueueModule,
        WorkflowModule,
        FinanceModule,
        HealthModule,
        AuditHttpModule,
        HolidayCalendarHttpModule,
        OfficialListsModule,
        PolicyWhatIfModule,
        PolicyVersionsDraftingModule,
        WebAppModule.forRoot(config),
      ],
      providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*');
  }
}
