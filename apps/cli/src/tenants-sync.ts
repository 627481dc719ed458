import { configDir, loadConfigOrExit } from '@subsidy/config';
import { loadTenantDefinitions } from '@subsidy/tenancy';
import { syncTenants } from './tenants/sync-tenants';
import { runCommand } from './run-command';

runCommand(async () => {
  const config = loadConfigOrExit();
  const tenants = loadTenantDefinitions(configDir('tenants'));
  const reports = await syncTenants(config, tenants);
  process.stdout.write(`Synchronised ${tenants.length} tenants: ${tenants.map((t) => t.id).join(', ')}\n`);
  const imported = reports.flatMap((r) => r.imported);
  const unchanged = reports.flatMap((r) => r.unchanged);
  process.stdout.write(`Policy versions: ${imported.length} imported${imported.length > 0 ? ` (${imported.join(', ')})` : ''}, ${unchanged.length} already stored\n`);
});
