import { AppConfig } from '@subsidy/config';
import { Client } from 'pg';
import { poolConfig } from './connection-options';

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/**
 * Creates the three roles and the database when they are missing. The owner role owns every table and runs migrations;
 * the application and relay roles own nothing and cannot bypass row-level security. Needs a superuser (or CREATEROLE)
 * connection; in managed environments these are provisioned once by the operator and this step is skipped.
 */
export async function provisionDatabase(config: AppConfig, databaseName = config.database.name): Promise<void> {
  const admin = new Client({ ...poolConfig(config, 'admin', 'postgres') });
  await admin.connect();
  try {
    const roles: Array<[string, string, string]> = [
      [config.database.owner.user, config.database.owner.password, 'LOGIN NOSUPERUSER NOCREATEROLE NOBYPASSRLS'],
      [config.database.app.user, config.database.app.password, 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS'],
      [config.database.relay.user, config.database.relay.password, 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS'],
    ];
    for (const [name, password, attributes] of roles) {
      const exists = await admin.query('select 1 from pg_roles where rolname = $1', [name]);
      const pass = password ? ` PASSWORD ${literal(password)}` : '';
      // Concurrent provisioning (parallel test workers) may race on CREATE ROLE; the second one is harmless.
      if (exists.rowCount === 0) {
        await admin.query(`CREATE ROLE ${ident(name)} ${attributes}${pass}`).catch((error: { code?: string }) => {
          if (error.code !== '23505' && error.code !== '42710') throw error;
        });
      } else {
        await admin.query(`ALTER ROLE ${ident(name)} ${attributes}${pass}`);
      }
    }
    const db = await admin.query('select 1 from pg_database where datname = $1', [databaseName]);
    if (db.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${ident(databaseName)} OWNER ${ident(config.database.owner.user)}`);
    }
  } finally {
    await admin.end();
  }
  const inDb = new Client({ ...poolConfig(config, 'admin', databaseName) });
  await inDb.connect();
  try {
    await inDb.query(`ALTER SCHEMA public OWNER TO ${ident(config.database.owner.user)}`);
    await inDb.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await inDb.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
  } finally {
    await inDb.end();
  }
}
