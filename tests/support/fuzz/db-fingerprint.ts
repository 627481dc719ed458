import { Client } from 'pg';

/**
 * A cheap value that changes whenever any row of the database is inserted, updated or deleted, read as the superuser
 * (past row-level security). Per table: the number of rows and the sum of their `xmin`, the id of the transaction
 * that wrote each row version. An insert or delete changes the count; an update writes a new row version with a newer
 * xmin, even when every value stays the same. (Statistics views such as pg_stat_xact_* are per backend and flushed
 * late, so they cannot tell what another connection did; sequences are left out, since a rolled-back insert advances
 * them without changing anything.)
 *
 * One exception, by design: `idempotency_keys` keeps the answer to a request made with an Idempotency-Key, refusals
 * included, so that a retry gets the same answer instead of running again. A row holding a 4xx answer records the
 * refusal, not a change, and is left out; every other row of that table counts like any other.
 */
export class DatabaseFingerprint {
  private constructor(
    private readonly client: Client,
    private readonly sql: string,
  ) {}

  static async open(client: Client): Promise<DatabaseFingerprint> {
    const { rows } = await client.query<{ name: string }>(
      `select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as name
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
        order by 1`,
    );
    if (rows.length === 0) throw new Error('DatabaseFingerprint: the database has no tables');
    const sql = rows
      .map(({ name }) => {
        const refusalsLeftOut = name === 'public.idempotency_keys' ? ' where response_status is null or response_status < 400 or response_status >= 500' : '';
        return `select '${name}' as t, count(*)::text as n, coalesce(sum(xmin::text::bigint), 0)::text as x from ${name}${refusalsLeftOut}`;
      })
      .join('\nunion all ');
    return new DatabaseFingerprint(client, sql);
  }

  /** `table:rows:xminsum` per table, in table order. */
  async take(): Promise<string[]> {
    const { rows } = await this.client.query<{ t: string; n: string; x: string }>(this.sql);
    return rows.map((row) => `${row.t}:${row.n}:${row.x}`).sort();
  }

  /** The tables whose fingerprint differs between two readings. */
  static changedTables(before: string[], after: string[]): string[] {
    const was = new Set(before);
    return after.filter((entry) => !was.has(entry)).map((entry) => entry.split(':')[0]);
  }
}
