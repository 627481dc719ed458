import { AppConfig } from '@subsidy/config';
import { DataSource } from 'typeorm';
import { poolConfig } from './connection-options';
import { MIGRATIONS } from './migrations';

export function migrationDataSource(config: AppConfig, databaseName = config.database.name): DataSource {
  const pool = poolConfig(config, 'owner', databaseName);
  return new DataSource({
    type: 'postgres',
    host: pool.host,
    port: pool.port,
    database: pool.database,
    username: pool.user,
    password: pool.password as string | undefined,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
  });
}

/** Applies pending migrations as the owner role; returns the names applied. */
export async function runMigrations(config: AppConfig, databaseName = config.database.name): Promise<string[]> {
  const dataSource = migrationDataSource(config, databaseName);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
