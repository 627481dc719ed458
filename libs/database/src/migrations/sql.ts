import { loadConfig } from '@subsidy/config';

/** Role names come from configuration so operators may rename them; migrations read them here. */
export function roleNames(): { app: string; relay: string } {
  const config = loadConfig();
  return { app: `"${config.database.app.user}"`, relay: `"${config.database.relay.user}"` };
}

/**
 * Makes a table tenant-owned: row-level security enabled and forced (even for the owner), with one policy that admits
 * only rows of the tenant set for the current transaction by `set_config('app.tenant_id', ..., true)`.
 */
export function tenantIsolation(table: string): string[] {
  return [
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
    `CREATE POLICY tenant_isolation ON ${table}
       USING (tenant_id = current_setting('app.tenant_id', true))
       WITH CHECK (tenant_id = current_setting('app.tenant_id', true))`,
  ];
}
