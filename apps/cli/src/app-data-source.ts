import { AppConfig } from '@subsidy/config';
import { poolConfig } from '@subsidy/database';
import { DataSource } from 'typeorm';

/** A TypeORM connection as the application role, for operator commands that change data the way the product does. */
export async function openAppDataSource(config: AppConfig): Promise<DataSource> {
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
    extra: { max: 2 },
  });
  return dataSource.initialize();
}
