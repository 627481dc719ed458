import { verifyAuditChain } from '@subsidy/audit';
import { loadConfigOrExit } from '@subsidy/config';
import { runCommand } from './run-command';
import { inTenantSnapshots, tenantArgument } from './tenant-snapshots';

/**
 * `npm run audit:verify [-- --tenant <id>]`: verifies the audit hash chain of one tenant (or every tenant). Exits 0 with
 * a summary line when every chain is intact, 1 naming the first broken link of each broken chain otherwise.
 */
runCommand(async () => {
  const only = tenantArgument(process.argv.slice(2));
  const results = await inTenantSnapshots(loadConfigOrExit(), only, (client, tenantId) => verifyAuditChain(client, tenantId));
  const broken = results.flatMap(({ tenantId, result }) =>
    result.ok ? [] : [`tenant ${tenantId}: audit chain broken at seq ${result.broken.seq} (${result.broken.kind}): ${result.broken.message}`],
  );
  if (broken.length > 0) throw new Error(broken.join('\n'));
  const records = results.reduce((sum, r) => sum + r.result.records, 0);
  process.stdout.write(`Audit chains intact: ${results.length} tenant(s), ${records} record(s) verified\n`);
});
