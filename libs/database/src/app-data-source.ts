import { AppConfig } from '@subsidy/config';
import { poolConfig } from './connection-options';
import { DataSource } from 'typeorm';

/**
 * A TypeORM connection as the application role outside Nest (operator commands, tests), connecting exactly as the
 * product does: row-level security applies and nothing is owned.
 */
export async function openAppDataSource(config: AppConfig, poolSize = 2): Promise<DataSource> {
  const pool = poolConfig(config, 'app');
  const dataSource = new DataSource({
    type: 'postgres',
    host: pool.host,
    port: pool.port,
    database: pool.database,
    username: pool.user,
    password: pool.password as string | undefined,
    synchronize: false,
    logging: ['error'],
    extra: { max: poolSize },
  });
  return dataSource.initialize();
}
