import { configDir, loadConfigOrExit } from '@subsidy/config';
import { loadTenantDefinitions } from '@subsidy/tenancy';
import { syncTenants } from './tenants/sync-tenants';
import { runCommand } from './run-command';

runCommand(async () => {
  const config = loadConfigOrExit();
  const tenants = loadTenantDefinitions(configDir('tenants'));
  await syncTenants(config, tenants);
  process.stdout.write(`Synchronised ${tenants.length} tenants: ${tenants.map((t) => t.id).join(', ')}\n`);
});
