import { loadConfigOrExit } from '@subsidy/config';
import { describeMismatch, verifyLedger } from '@subsidy/finance';
import { runCommand } from './run-command';
import { inTenantSnapshots, tenantArgument } from './tenant-snapshots';

/**
 * `npm run ledger:check [-- --tenant <id>]`: rebuilds every ledger balance from the journal entries of one tenant (or
 * every tenant) and compares it with the cached balances. Exits 0 with a summary when all agree, 1 naming the first
 * mismatch otherwise.
 */
runCommand(async () => {
  const only = tenantArgument(process.argv.slice(2));
  const results = await inTenantSnapshots(loadConfigOrExit(), only, (client) =>
    verifyLedger(async (sql: string) => (await client.query(sql)).rows as unknown[]),
  );
  for (const { tenantId, result } of results) {
    if (result.mismatch) throw new Error(`Ledger mismatch: ${describeMismatch(tenantId, result.mismatch)}`);
  }
  const entries = results.reduce((sum, r) => sum + r.result.entries, 0);
  const accounts = results.reduce((sum, r) => sum + r.result.accounts, 0);
  process.stdout.write(`Ledger consistent: ${results.length} tenant(s), ${entries} entr(ies), ${accounts} account(s) rebuilt from entries\n`);
});
