import { AppConfig } from '@subsidy/config';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { templateDatabaseName, testConfig } from './test-config';

export interface TestDatabase {
  name: string;
  config: AppConfig;
  /** A connection as the superuser, for assertions that must see past row-level security, and for tampering tests. */
  superuser(): Promise<Client>;
  /** A connection as the application role, exactly as the product connects. */
  appRole(): Promise<Client>;
  drop(): Promise<void>;
}

/** A fresh database cloned from the migrated template, plus a Redis prefix of its own, for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const suffix = randomBytes(5).toString('hex');
  const name = `subsidy_test_${suffix}`;
  const config = testConfig(name, { QUEUE_PREFIX: `test-${suffix}` });
  const admin = () => new Client({ host: config.database.host, port: config.database.port, user: config.database.admin.user, password: config.database.admin.password || undefined, database: 'postgres' });
  const c = admin();
  await c.connect();
  try {
    await c.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabaseName()}" OWNER "${config.database.owner.user}"`);
  } finally {
    await c.end();
  }
  const connect = async (user: string, password: string): Promise<Client> => {
    const client = new Client({ host: config.database.host, port: config.database.port, user, password: password || undefined, database: name });
    await client.connect();
    return client;
  };
  return {
    name,
    config,
    superuser: () => connect(config.database.admin.user, config.database.admin.password),
    appRole: () => connect(config.database.app.user, config.database.app.password),
    drop: async () => {
      const d = admin();
      await d.connect();
      try {
        await d.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await d.end();
      }
    },
  };
}
