import { configDir, loadConfigOrExit } from '@subsidy/config';
import { loadTenantDefinitions } from '@subsidy/tenancy';
import { seedDemo } from './demo/seed-demo';
import { syncTenants } from './tenants/sync-tenants';
import { runCommand } from './run-command';

runCommand(async () => {
  const config = loadConfigOrExit();
  const tenants = loadTenantDefinitions(configDir('tenants'));
  await syncTenants(config, tenants);
  const users = await seedDemo(config, tenants);
  process.stdout.write(`Seeded ${tenants.length} tenants and ${users.length} demo users\n`);
});
