import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

/**
 * Issue 15, "Scale": the schema can be distributed by `tenant_id` (Citus) unchanged. Read from the catalogue of the
 * migrated database: every table with a `tenant_id` column is a tenant table whose keys, unique indexes, exclusion
 * constraints and foreign keys all carry `tenant_id` (so each lives whole on one shard), whose indexes lead with it, and
 * whose row-level security is forced with one plain equality on it. Tables without it are named here as shared
 * platform data (Citus reference tables), so a new table must be placed in one kind or the other on purpose.
 */

/** Platform data every tenant reads; replicated to every node as Citus reference tables. */
const REFERENCE_TABLES = ['holiday_year_days', 'holiday_years', 'tenants'];
/** TypeORM's record of applied migrations: stays local to the coordinator, never distributed. */
const BOOKKEEPING_TABLES = ['schema_migrations'];

/** The one row-level security expression a tenant table may have, as PostgreSQL prints it back. */
const TENANT_EQUALITY = "(tenant_id = current_setting('app.tenant_id'::text, true))";

/**
 * Deliberate departures, each with its reason (the keys are `table.name`). Foreign keys from a tenant table to a
 * reference table (`tenants(id)` on every tenant table) need no entry: Citus supports them as they are.
 */
const POLICY_EXCEPTIONS: Record<string, string> = {
  // The relay (its own role, never the API's) drains every tenant's outbox; under Citus a multi-shard read, by design.
  'outbox.relay_reads_all': 'cross-tenant outbox relay',
};
const INDEX_EXCEPTIONS: Record<string, string> = {
  // The relay's poll for due jobs across all tenants, ordered by run_at; each shard keeps its own copy of this index.
  'outbox.outbox_pending': 'cross-tenant outbox relay poll',
};

interface Catalogue {
  tenantTables: string[];
  otherTables: string[];
}

async function catalogue(client: Client): Promise<Catalogue> {
  const { rows } = await client.query<{ name: string; tenant: boolean }>(
    `select c.relname as name,
            exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as tenant
       from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
      order by c.relname`,
  );
  return { tenantTables: rows.filter((r) => r.tenant).map((r) => r.name), otherTables: rows.filter((r) => !r.tenant).map((r) => r.name) };
}

/** Every way the tenant tables of the current database could not be distributed by `tenant_id` unchanged, one line each. */
async function distributionViolations(client: Client, relayRole: string): Promise<string[]> {
  const query = async (sql: string): Promise<string[]> => (await client.query<{ v: string }>(sql)).rows.map((r) => r.v);
  const tenant = `tenant as (
      select c.oid, c.relname, a.attnum as tn from pg_class c
        join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
       where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p'))`;
  const violations = [
    ...(await query(`with ${tenant}
      select t.relname || ': primary key ' || coalesce(pg_get_indexdef(i.indexrelid), 'missing') || ' does not lead with tenant_id' as v
        from tenant t left join pg_index i on i.indrelid = t.oid and i.indisprimary
       where i.indexrelid is null or i.indkey[0] <> t.tn`)),
    ...(await query(`with ${tenant}
      select t.relname || ': unique index ' || pg_get_indexdef(i.indexrelid) || ' lacks tenant_id among its key columns' as v
        from tenant t join pg_index i on i.indrelid = t.oid
       where i.indisunique and not (t.tn = any ((i.indkey::int2[])[0:i.indnkeyatts - 1]))`)),
    ...(await query(`with ${tenant}
      select t.relname || ': exclusion constraint ' || co.conname || ' does not compare tenant_id with =' as v
        from tenant t join pg_constraint co on co.conrelid = t.oid and co.contype = 'x'
       where not exists (select 1 from unnest(co.conkey, co.conexclop) k(att, op) join pg_operator o on o.oid = k.op
                          where k.att = t.tn and o.oprname = '=')`)),
    ...(await query(`with ${tenant}
      select t.relname || ': index ' || c.relname || ' does not lead with tenant_id' || '|' || t.relname || '.' || c.relname as v
        from tenant t join pg_index i on i.indrelid = t.oid join pg_class c on c.oid = i.indexrelid
       where i.indkey[0] <> t.tn`)),
    // A foreign key between tenant tables must pair tenant_id with tenant_id: then both rows sit on the same shard.
    ...(await query(`with ${tenant}
      select t.relname || ': foreign key ' || co.conname || ' ' || pg_get_constraintdef(co.oid) || ' does not pair tenant_id with tenant_id' as v
        from tenant t join pg_constraint co on co.conrelid = t.oid and co.contype = 'f' join tenant r on r.oid = co.confrelid
       where not exists (select 1 from unnest(co.conkey, co.confkey) k(a, b) where k.a = t.tn and k.b = r.tn)`)),
    // Reference tables may not point at distributed ones (Citus refuses such foreign keys).
    ...(await query(`with ${tenant}
      select c.relname || ': foreign key ' || co.conname || ' from a table without tenant_id to the tenant table ' || r.relname as v
        from pg_constraint co join pg_class c on c.oid = co.conrelid join tenant r on r.oid = co.confrelid
       where co.contype = 'f' and c.relnamespace = 'public'::regnamespace and c.oid not in (select oid from tenant)`)),
    ...(await query(`with ${tenant}
      select t.relname || ': row-level security ' || case when not c.relrowsecurity then 'not enabled' else 'not forced' end as v
        from tenant t join pg_class c on c.oid = t.oid where not (c.relrowsecurity and c.relforcerowsecurity)`)),
    ...(await query(`with ${tenant}
      select t.relname || ': ' || count(p.oid) || ' tenant_isolation policies instead of one' as v
        from tenant t left join pg_policy p on p.polrelid = t.oid and p.polname = 'tenant_isolation'
       group by t.relname having count(p.oid) <> 1`)),
    // Every policy applies to all commands and every role, with the plain equality in both USING and WITH CHECK.
    ...(await query(`with ${tenant}
      select t.relname || ': policy ' || p.polname || ' is not the plain tenant equality (' || coalesce(pg_get_expr(p.polqual, p.polrelid), 'no using')
             || ' / ' || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), 'no check') || ', roles ' || p.polroles::regrole[]::text || ')'
             || '|' || t.relname || '.' || p.polname || '|' || p.polroles::regrole[]::text as v
        from tenant t join pg_policy p on p.polrelid = t.oid
       where p.polcmd <> '*' or not p.polpermissive or p.polroles <> '{0}'
          or pg_get_expr(p.polqual, p.polrelid) is distinct from ${literal(TENANT_EQUALITY)}
          or pg_get_expr(p.polwithcheck, p.polrelid) is distinct from ${literal(TENANT_EQUALITY)}`)),
  ];
  return violations.flatMap((line) => {
    const [message, key, roles] = line.split('|');
    if (key && INDEX_EXCEPTIONS[key] && message.includes(': index ')) return [];
    // A policy exception holds only for the relay's own role, never for PUBLIC or the application role.
    if (key && POLICY_EXCEPTIONS[key] && roles === `{${relayRole}}`) return [];
    return [message];
  });
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** The backticked table names of one `<!-- catalogue:kind -->` ... `<!-- /catalogue -->` block of the document. */
function documentedTables(document: string, kind: string): string[] {
  const block = new RegExp(`<!-- catalogue:${kind} -->([\\s\\S]*?)<!-- /catalogue -->`).exec(document);
  if (!block) throw new Error(`docs/DISTRIBUTED-POSTGRES.md has no catalogue:${kind} block`);
  return [...block[1].matchAll(/`([a-z_][a-z0-9_]*)`/g)].map((m) => m[1]).sort();
}

describe('a schema distributable by tenant_id', () => {
  let db: TestDatabase;
  let su: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    su = await db.superuser();
  });
  afterAll(async () => {
    await su.end();
    await db.drop();
  });

  it('keeps tenant_id in every key, unique index and foreign key of a tenant table, with forced equality RLS', async () => {
    const { tenantTables, otherTables } = await catalogue(su);
    expect(tenantTables.length).toBeGreaterThanOrEqual(40);
    expect(otherTables).toEqual([...REFERENCE_TABLES, ...BOOKKEEPING_TABLES].sort());
    expect(await distributionViolations(su, db.config.database.relay.user)).toEqual([]);
  });

  it('finds each kind of violation in a table built to break the rules', async () => {
    const relay = db.config.database.relay.user;
    await su.query(`CREATE TABLE bad_parent (tenant_id text NOT NULL, id uuid NOT NULL UNIQUE, PRIMARY KEY (tenant_id, id))`);
    await su.query(`CREATE TABLE bad_things (
        tenant_id text NOT NULL REFERENCES tenants(id),
        id uuid NOT NULL,
        code text NOT NULL UNIQUE,
        application_id uuid,
        parent_id uuid REFERENCES bad_parent(id),
        PRIMARY KEY (id, tenant_id),
        FOREIGN KEY (tenant_id, application_id) REFERENCES applications(tenant_id, id)
      )`);
    await su.query(`CREATE INDEX bad_things_by_code ON bad_things (code, tenant_id)`);
    await su.query(`ALTER TABLE bad_things ENABLE ROW LEVEL SECURITY`);
    await su.query(`CREATE POLICY tenant_isolation ON bad_things USING (tenant_id IN (current_setting('app.tenant_id', true), 'shared'))`);
    await su.query(`CREATE POLICY relay_reads_all ON bad_things TO "${relay}" USING (true)`);
    await su.query(`CREATE TABLE bad_reference (code text PRIMARY KEY, tenant text, application uuid)`);
    await su.query(`ALTER TABLE bad_reference ADD FOREIGN KEY (tenant, application) REFERENCES applications(tenant_id, id)`);
    try {
      const found = await distributionViolations(su, relay);
      const about = (table: string, text: string) => found.filter((v) => v.startsWith(`${table}: `) && v.includes(text));
      expect(about('bad_things', 'primary key')).toHaveLength(1);
      expect(about('bad_things', 'unique index CREATE UNIQUE INDEX bad_things_code_key')).toHaveLength(1);
      expect(about('bad_things', 'index bad_things_by_code does not lead')).toHaveLength(1);
      expect(about('bad_things', 'does not pair tenant_id with tenant_id')).toHaveLength(1);
      expect(about('bad_things', 'row-level security not forced')).toHaveLength(1);
      expect(about('bad_things', 'policy tenant_isolation is not the plain tenant equality')).toHaveLength(1);
      // The relay's exception is for outbox alone.
      expect(about('bad_things', 'policy relay_reads_all')).toHaveLength(1);
      expect(about('bad_parent', 'unique index CREATE UNIQUE INDEX bad_parent_id_key')).toHaveLength(1);
      expect(about('bad_reference', 'from a table without tenant_id to the tenant table applications')).toHaveLength(1);
      expect(found.filter((v) => !v.startsWith('bad_'))).toEqual([]);
    } finally {
      await su.query('DROP TABLE bad_things, bad_parent, bad_reference');
    }
  });

  it('lists in docs/DISTRIBUTED-POSTGRES.md exactly the tables the catalogue holds, by kind', async () => {
    const { tenantTables } = await catalogue(su);
    const document = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'DISTRIBUTED-POSTGRES.md'), 'utf8');
    expect(documentedTables(document, 'distributed')).toEqual(tenantTables);
    expect(documentedTables(document, 'reference')).toEqual(REFERENCE_TABLES);
    expect(documentedTables(document, 'local')).toEqual(BOOKKEEPING_TABLES);
  });
});
