import { loadConfigOrExit } from '@subsidy/config';
import { provisionDatabase, runMigrations } from '@subsidy/database';
import { runCommand } from './run-command';

/** Creates the roles and database when a superuser connection is available (DATABASE_PROVISION=false skips it), then migrates. */
runCommand(async () => {
  const config = loadConfigOrExit();
  if (process.env.DATABASE_PROVISION !== 'false') await provisionDatabase(config);
  const applied = await runMigrations(config);
  process.stdout.write(applied.length ? `Applied migrations: ${applied.join(', ')}\n` : 'Database schema is up to date\n');
});
