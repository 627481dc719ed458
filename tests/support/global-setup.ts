import { provisionDatabase, runMigrations } from '@subsidy/database';
import { Client } from 'pg';
import { templateDatabaseName, testConfig } from './test-config';

/**
 * Runs once per jest run: makes sure the roles exist and builds a migrated template database. Each test file then
 * clones it (CREATE DATABASE ... TEMPLATE), which takes a fraction of a second, so files never share state.
 */
export default async function globalSetup(): Promise<void> {
  const name = templateDatabaseName();
  const config = testConfig(name);
  const admin = new Client({ host: config.database.host, port: config.database.port, user: config.database.admin.user, password: config.database.admin.password || undefined, database: 'postgres' });
  await admin.connect();
  try {
    // Serialises concurrent jest projects building the same template.
    await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      await provisionDatabase(config, `${name}_build`).catch(async (error) => {
        throw error;
      });
      await runMigrations(config, `${name}_build`);
      await admin.query(`ALTER DATABASE "${name}_build" RENAME TO "${name}"`);
      await admin.query(`ALTER DATABASE "${name}" WITH IS_TEMPLATE true`);
      await admin.query(`COMMENT ON DATABASE "${name}" IS '${new Date().toISOString()}'`);
    } else {
      await provisionDatabase(config, name);
    }
    await dropOldTemplates(admin, name);
  } finally {
    await admin.query('select pg_advisory_unlock(hashtext($1))', [name]);
    await admin.end();
  }
}

/**
 * Templates of earlier migration sets pile up on a developer's machine; drop those built more than a day ago. Younger
 * ones may belong to another checkout (another branch, a CI clone) running its tests right now.
 */
async function dropOldTemplates(admin: Client, current: string): Promise<void> {
  const old = await admin.query<{ datname: string }>(
    `select d.datname from pg_database d
      where d.datname like 'subsidy_test_tpl_%' and d.datname <> $1 and d.datname not like $2
        and coalesce(shobj_description(d.oid, 'pg_database'), '') < to_char(now() - interval '1 day', 'YYYY-MM-DD"T"HH24:MI:SS')`,
    [current, `${current}%`],
  );
  for (const { datname } of old.rows) {
    await admin.query(`ALTER DATABASE "${datname}" WITH IS_TEMPLATE false`).catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
  }
}
