import { AuditChainVerification, verifyAuditChain } from '@subsidy/audit';
import { loadConfigOrExit } from '@subsidy/config';
import { poolConfig } from '@subsidy/database';
import { Client } from 'pg';
import { runCommand } from './run-command';

/**
 * `npm run audit:verify [-- --tenant <id>]`: verifies the audit hash chain of one tenant (or every tenant) as the
 * application role, one REPEATABLE READ snapshot per tenant so concurrent appends cannot confuse it. Exits 0 with a
 * summary line when every chain is intact, 1 naming the first broken link otherwise.
 */
function tenantArgument(argv: string[]): string | undefined {
  const index = argv.indexOf('--tenant');
  if (index === -1) return undefined;
  const value = argv[index + 1];
  if (!value || value.startsWith('--')) throw new Error('--tenant needs a tenant id, e.g. --tenant weihai');
  return value;
}

async function verifyTenant(client: Client, tenantId: string): Promise<AuditChainVerification> {
  await client.query('begin isolation level repeatable read read only');
  try {
    await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
    return await verifyAuditChain(client, tenantId);
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
    let records = 0;
    const broken: string[] = [];
    for (const { id } of rows) {
      const result = await verifyTenant(client, id);
      records += result.records;
      if (!result.ok) broken.push(`tenant ${id}: audit chain broken at seq ${result.broken.seq} (${result.broken.kind}): ${result.broken.message}`);
    }
    if (broken.length > 0) throw new Error(broken.join('\n'));
    process.stdout.write(`Audit chains intact: ${rows.length} tenant(s), ${records} record(s) verified\n`);
  } finally {
    await client.end();
  }
});
