import { Client } from 'pg';
import { TestDatabase } from '../test-database';

/** Runs `work` on a fresh superuser connection (past row-level security) and always closes it. */
export async function asSuperuser<T>(db: TestDatabase, work: (client: Client) => Promise<T>): Promise<T> {
  const client = await db.superuser();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
