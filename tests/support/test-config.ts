import { AppConfig, loadConfig } from '@subsidy/config';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Configuration for tests: the same defaults as development, pointed at a given database. */
export function testConfig(databaseName?: string, overrides: NodeJS.ProcessEnv = {}): AppConfig {
  return loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    ...(databaseName ? { DATABASE_NAME: databaseName } : {}),
    ...overrides,
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** The template database's name changes whenever a migration changes, so a stale template is never reused. */
export function templateDatabaseName(): string {
  const dir = join(__dirname, '..', '..', 'libs', 'database', 'src', 'migrations');
  const hash = createHash('sha256');
  // Relative names, so two checkouts of the same migrations share one template.
  for (const file of filesUnder(dir).sort()) hash.update(relative(dir, file)).update(readFileSync(file));
  return `subsidy_test_tpl_${hash.digest('hex').slice(0, 12)}`;
}
