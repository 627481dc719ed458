import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@subsidy/config';
import { DatabaseModule } from '@subsidy/database';
import { AuditModule } from '@subsidy/audit';
import { RequestContextMiddleware } from './request-context.middleware';

/** The HTTP entry point's composition root: capabilities come from libs, this file only wires them. */
@Module({})
export class AppModule implements NestModule {
  static forRoot(config: AppConfig) {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, AuditModule],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*');
  }
}
