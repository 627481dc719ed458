import { AppConfig } from '@subsidy/config';
import { poolConfig } from '@subsidy/database';
import { DataSource } from 'typeorm';

/**
 * A TypeORM connection as the owner role, the only role that may write the platform-wide holiday calendar (the
 * application role may only read it). Used by the platform administrator's endpoint and `npm run calendar:add-year`.
 */
export async function openOwnerDataSource(config: AppConfig, poolSize = 1): Promise<DataSource> {
  const pool = poolConfig(config, 'owner');
  return new DataSource({
    type: 'postgres',
    host: pool.host,
    port: pool.port,
    database: pool.database,
    username: pool.user,
    password: pool.password as string | undefined,
    synchronize: false,
    logging: ['error'],
    extra: { max: poolSize, application_name: 'subsidy-hub:owner-holiday-calendar' },
  }).initialize();
}
