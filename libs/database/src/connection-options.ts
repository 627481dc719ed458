import { AppConfig, DatabaseCredentials } from '@subsidy/config';
import { PoolConfig } from 'pg';

export type DatabaseRole = 'admin' | 'owner' | 'app' | 'relay';

/** Connection settings for one of the database roles, optionally to another database (admin work, tests). */
export function poolConfig(config: AppConfig, role: DatabaseRole, database = config.database.name): PoolConfig {
  const credentials: DatabaseCredentials = config.database[role];
  return {
    host: config.database.host,
    port: config.database.port,
    database,
    user: credentials.user,
    password: credentials.password || undefined,
    max: config.database.poolSize,
    application_name: `subsidy-hub:${role}`,
  };
}
