import { createTestDatabase, TestDatabase } from '../../support/test-database';

describe('row-level security on tenant tables', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    const su = await db.superuser();
    await su.query(`insert into tenants (id, name_zh, name_en, division_code) values ('alpha', '甲市', 'Alpha', '110000'), ('beta', '乙市', 'Beta', '120000')`);
    for (const tenant of ['alpha', 'beta']) {
      await su.query('begin');
      await su.query(`select set_config('app.tenant_id', $1, true)`, [tenant]);
      await su.query(`insert into districts (tenant_id, code, name_zh, name_en) values ($1, '110101', '一区', 'One')`, [tenant]);
      await su.query('commit');
    }
    await su.end();
  });
  afterAll(() => db.drop());

  async function tenantTables(): Promise<string[]> {
    const su = await db.superuser();
    try {
      const { rows } = await su.query<{ table_name: string }>(
        `select table_name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id' order by table_name`,
      );
      return rows.map((r) => r.table_name);
    } finally {
      await su.end();
    }
  }

  it('forces row-level security on every table with a tenant_id, which leads its primary key', async () => {
    const su = await db.superuser();
    try {
      const tables = await tenantTables();
      expect(tables.length).toBeGreaterThanOrEqual(20);
      for (const table of tables) {
        const { rows } = await su.query(
          `select c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
                  (select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
                    where i.indrelid = c.oid and i.indisprimary) as leading_key,
                  (select count(*)::int from pg_policy p where p.polrelid = c.oid and p.polname = 'tenant_isolation') as policies
             from pg_class c where c.relname = $1 and c.relnamespace = 'public'::regnamespace`,
          [table],
        );
        expect({ table, ...rows[0] }).toEqual({ table, enabled: true, forced: true, leading_key: 'tenant_id', policies: 1 });
      }
    } finally {
      await su.end();
    }
  });

  it('shows the application role no tenant rows when no tenant is set', async () => {
    const app = await db.appRole();
    try {
      const tables = await tenantTables();
      for (const table of tables) {
        const { rows } = await app.query(`select count(*)::int as n from ${table}`);
        expect({ table, n: rows[0].n }).toEqual({ table, n: 0 });
      }
    } finally {
      await app.end();
    }
  });

  it('shows only the tenant set for the transaction, and refuses writes into another tenant', async () => {
    const app = await db.appRole();
    try {
      await app.query('begin');
      await app.query(`select set_config('app.tenant_id', 'alpha', true)`);
      const { rows } = await app.query('select tenant_id from districts');
      expect(rows).toEqual([{ tenant_id: 'alpha' }]);
      await expect(app.query(`insert into districts (tenant_id, code, name_zh, name_en) values ('beta', '110102', '二区', 'Two')`)).rejects.toThrow(/row-level security/);
      await app.query('rollback');
      const after = await app.query('select count(*)::int as n from districts');
      expect(after.rows[0].n).toBe(0);
    } finally {
      await app.end();
    }
  });

  it('keeps the application role unable to bypass or switch off row-level security', async () => {
    const app = await db.appRole();
    try {
      const { rows } = await app.query(`select rolbypassrls, rolsuper from pg_roles where rolname = current_user`);
      expect(rows[0]).toEqual({ rolbypassrls: false, rolsuper: false });
      await expect(app.query('alter table districts disable row level security')).rejects.toThrow(/must be owner/);
      const owned = await app.query(`select count(*)::int as n from pg_tables where tableowner = current_user`);
      expect(owned.rows[0].n).toBe(0);
    } finally {
      await app.end();
    }
  });

  it('forbids the application role to edit or delete audit records', async () => {
    const app = await db.appRole();
    try {
      await expect(app.query(`update audit_log set reason = 'x'`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`delete from audit_log`)).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }
  });
});
