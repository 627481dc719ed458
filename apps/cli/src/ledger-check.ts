import { loadConfigOrExit } from '@subsidy/config';
import { poolConfig } from '@subsidy/database';
import { describeMismatch, LedgerVerification, verifyLedger } from '@subsidy/finance';
import { Client } from 'pg';
import { runCommand } from './run-command';

/**
 * `npm run ledger:check [-- --tenant <id>]`: rebuilds every ledger balance from the journal entries of one tenant (or
 * every tenant) as the application role, in one REPEATABLE READ snapshot per tenant, and compares it with the cached
 * balances. Exits 0 with a summary when all agree, 1 naming the first mismatch otherwise.
 */
function tenantArgument(argv: string[]): string | undefined {
  const index = argv.indexOf('--tenant');
  if (index === -1) return undefined;
  const value = argv[index + 1];
  if (!value || value.startsWith('--')) throw new Error('--tenant needs a tenant id, e.g. --tenant weihai');
  return value;
}

async function verifyTenant(client: Client, tenantId: string): Promise<LedgerVerification> {
  await client.query('begin isolation level repeatable read read only');
  try {
    await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
    return await verifyLedger(async (sql: string) => (await client.query(sql)).rows as unknown[]);
  } finally {
    await client.query('rollback');
  }
}

runCommand(async () => {
  const only = tenantArgument(process.argv.slice(2));
  const config = loadConfigOrExit();
  const client = new Client(poolConfig(config, 'app'));
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      only ? 'select id from tenants where id = $1' : 'select id from tenants order by id',
      only ? [only] : [],
    );
    if (only && rows.length === 0) throw new Error(`Unknown tenant: ${only}`);
    let entries = 0;
    let accounts = 0;
    for (const { id } of rows) {
      const result = await verifyTenant(client, id);
      if (result.mismatch) throw new Error(`Ledger mismatch: ${describeMismatch(id, result.mismatch)}`);
      entries += result.entries;
      accounts += result.accounts;
    }
    process.stdout.write(`Ledger consistent: ${rows.length} tenant(s), ${entries} entr(ies), ${accounts} account(s) rebuilt from entries\n`);
  } finally {
    await client.end();
  }
});
