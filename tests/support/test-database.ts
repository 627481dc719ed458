import { AppConfig } from '@subsidy/config';
import { randomBytes } from 'node:crypto';
import { verifyAuditChain } from '@subsidy/audit';
import { describeMismatch, verifyLedger } from '@subsidy/finance';
import { Client } from 'pg';
import { templateDatabaseName, testConfig } from './test-config';

export interface TestDatabase {
  name: string;
  config: AppConfig;
  /** A connection as the superuser, for assertions that must see past row-level security, and for tampering tests. */
  superuser(): Promise<Client>;
  /** A connection as the application role, exactly as the product connects. */
  appRole(): Promise<Client>;
  /**
   * Drops the database, after checking what every test must leave intact: each tenant's audit hash chain and the
   * double-entry ledger (balanced entries, balances equal to their entries). Tests that tamper on purpose opt out.
   */
  drop(options?: { skipIntegrityCheck?: boolean }): Promise<void>;
}

/**
 * Throws naming the first broken audit link or ledger mismatch, checking tenant by tenant as the application role
 * exactly as `npm run audit:verify` and `npm run ledger:check` do.
 */
async function assertIntegrity(client: Client): Promise<void> {
  const { rows: tenants } = await client.query<{ id: string }>('select id from tenants order by id');
  for (const { id } of tenants) {
    await client.query('begin isolation level repeatable read read only');
    try {
      await client.query(`select set_config('app.tenant_id', $1, true)`, [id]);
      const chain = await verifyAuditChain(client, id);
      if (!chain.ok) throw new Error(`Audit chain of tenant ${id} is broken at seq ${chain.broken.seq}: ${chain.broken.message}`);
      const ledger = await verifyLedger(async (sql: string) => (await client.query(sql)).rows as unknown[]);
      if (!ledger.ok && ledger.mismatch) throw new Error(`Ledger check failed: ${describeMismatch(id, ledger.mismatch)}`);
    } finally {
      await client.query('rollback');
    }
  }
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
    drop: async (options = {}) => {
      if (!options.skipIntegrityCheck) {
        const appRole = await connect(config.database.app.user, config.database.app.password);
        try {
          await assertIntegrity(appRole);
        } finally {
          await appRole.end();
        }
      }
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
