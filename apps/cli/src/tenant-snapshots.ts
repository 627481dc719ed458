import { AppConfig } from '@subsidy/config';
import { poolConfig } from '@subsidy/database';
import { Client } from 'pg';

/** `--tenant <id>` from the command line, or undefined for every tenant. */
export function tenantArgument(argv: string[]): string | undefined {
  const index = argv.indexOf('--tenant');
  if (index === -1) return undefined;
  const value = argv[index + 1];
  if (!value || value.startsWith('--')) throw new Error('--tenant needs a tenant id, e.g. --tenant weihai');
  return value;
}

/**
 * Runs a read-only check for one tenant (or every tenant) as the application role, each in its own REPEATABLE READ
 * snapshot with `app.tenant_id` set, so concurrent writes cannot confuse it and row-level security scopes it exactly
 * as the product is scoped.
 */
export async function inTenantSnapshots<R>(
  config: AppConfig,
  only: string | undefined,
  check: (client: Client, tenantId: string) => Promise<R>,
): Promise<Array<{ tenantId: string; result: R }>> {
  const client = new Client(poolConfig(config, 'app'));
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      only ? 'select id from tenants where id = $1' : 'select id from tenants order by id',
      only ? [only] : [],
    );
    if (only && rows.length === 0) throw new Error(`Unknown tenant: ${only}`);
    const results: Array<{ tenantId: string; result: R }> = [];
    for (const { id } of rows) {
      await client.query('begin isolation level repeatable read read only');
      try {
        await client.query(`select set_config('app.tenant_id', $1, true)`, [id]);
        results.push({ tenantId: id, result: await check(client, id) });
      } finally {
        await client.query('rollback');
      }
    }
    return results;
  } finally {
    await client.end();
  }
}
