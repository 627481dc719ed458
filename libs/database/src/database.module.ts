import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@subsidy/config';
import { poolConfig } from './connection-options';
import { TenantTransactions } from './tenant-transactions';

/** TypeORM connected as the application role: owns no table, cannot bypass row-level security. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const pool = poolConfig(config, 'app');
        return {
          type: 'postgres' as const,
          host: pool.host,
          port: pool.port,
          database: pool.database,
          username: pool.user,
          password: pool.password as string | undefined,
          autoLoadEntities: true,
          synchronize: false,
          migrationsRun: false,
          logging: ['error' as const],
          extra: { max: pool.max, application_name: pool.application_name },
        };
      },
    }),
  ],
  providers: [TenantTransactions],
  exports: [TenantTransactions],
})
export class DatabaseModule {}
