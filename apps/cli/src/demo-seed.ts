import { configDir, loadConfigOrExit } from '@subsidy/config';
import { loadTenantDefinitions } from '@subsidy/tenancy';
import { assertDemoAllowed, seedDemo } from './demo/seed-demo';
import { syncTenants } from './tenants/sync-tenants';
import { runCommand } from './run-command';

runCommand(async () => {
  const config = loadConfigOrExit();
  // Before anything touches the database: a production installation gets neither tenants synced here nor demo users.
  assertDemoAllowed(config);
  const tenants = loadTenantDefinitions(configDir('tenants'));
  await syncTenants(config, tenants);
  const users = await seedDemo(config, tenants);
  process.stdout.write(`Seeded ${tenants.length} tenants and ${users.length} demo users\n`);
});
