import { EntityManager } from 'typeorm';

/**
 * Rows of any statement, RETURNING included. TypeORM's `query` answers UPDATE and DELETE with `[rows, count]` but
 * every other statement with `rows`; this hides the difference so callers never guess.
 */
export async function queryRows<T>(manager: EntityManager, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const result = (await manager.query(sql, parameters)) as unknown;
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
