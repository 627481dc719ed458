import { DomainError } from '@subsidy/common';
import { AppConfig } from '@subsidy/config';
import { HolidayYearView, openOwnerDataSource, parseHolidayYearFile, saveHolidayYear } from '@subsidy/holiday-calendar';
import { readFileSync } from 'node:fs';

/**
 * Adds (or replaces) one year of the State Council holiday calendar from an operator's file, as the owner role, audited
 * in the platform tenant's chain as `cli:<by>`. Running API and worker processes pick the year up at once.
 */
export async function addHolidayYearFromFile(config: AppConfig, file: string, by: string, reason?: string): Promise<HolidayYearView> {
  let input;
  try {
    input = parseHolidayYearFile(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const owner = await openOwnerDataSource(config);
  try {
    const addedBy = `cli:${by}`;
    return await saveHolidayYear(owner, input, { actor: { kind: 'system', id: addedBy }, addedBy, reason: reason ?? null });
  } catch (error) {
    if (error instanceof DomainError) {
      const lines = error.details.map((d) => `  ${d.path}: ${d.messageZh ?? d.message} (${d.message})`);
      throw new Error([`${file}: ${error.localized?.zh ?? error.message}`, ...lines].join('\n'));
    }
    throw error;
  } finally {
    await owner.destroy();
  }
}
