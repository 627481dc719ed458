import { queryRows } from '@subsidy/database';
import { EntityManager } from 'typeorm';

/** Chinese names of the tenant's districts by code, as every list names a district payer. */
export type DistrictNames = ReadonlyMap<string, string>;

export async function readDistrictNames(manager: EntityManager): Promise<DistrictNames> {
  const rows = await queryRows<{ code: string; nameZh: string }>(manager, `select code, name_zh as "nameZh" from districts`);
  return new Map(rows.map((row) => [row.code, row.nameZh]));
}

/**
 * What a payer is called on every list and spreadsheet finance hands out: 市级财政, the district's own finance bureau
 * (环翠区财政) or 配套资金. The ledger's codes (`city`, `district:371002`) are internal and never shown to a reader.
 */
export function payerName(payer: string, districts: DistrictNames): string {
  if (payer === 'city') return '市级财政';
  if (payer === 'matching') return '配套资金';
  if (payer.startsWith('district:')) {
    const name = districts.get(payer.slice('district:'.length));
    // A district payer always names one of the tenant's districts (SetBudget checks it); the generic name is a guard.
    return name ? `${name}财政` : `区县财政（${payer.slice('district:'.length)}）`;
  }
  return payer;
}
