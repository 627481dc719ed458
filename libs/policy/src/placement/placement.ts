import type { Applicant } from '../contract';

/**
 * Where a tenant is on the map of administrative divisions (GB/T 2260): its own division code and its districts'.
 * The engine reads it to place an applicant by its credit code when the request names no district.
 */
export interface TenantGeography {
  divisionCode: string;
  districts: ReadonlyArray<{ code: string; name: string }>;
}

/**
 * Where an applicant is registered, as far as the engine can tell:
 * - `district`: one of the tenant's districts, declared by the caller or read from the credit code;
 * - `tenant`: registered with the tenant itself (its own division, or a sub-division the tenant lists no district for);
 * - `elsewhere`: the credit code places it outside the tenant;
 * - `unknown`: no district was given and no credit code could be read against the tenant's map.
 */
export type Placement =
  | { kind: 'district'; district: string; source: 'declared' }
  | { kind: 'district'; district: string; source: 'credit_code'; code: string }
  | { kind: 'tenant'; code: string }
  | { kind: 'elsewhere'; code: string }
  | { kind: 'unknown' };

/** Characters 3–8 of a unified social credit code (GB 32100-2015): the registering authority's division code. */
export function divisionCodeOf(uscc: string): string | undefined {
  const code = uscc.slice(2, 8);
  return /^[0-9]{6}$/.test(code) ? code : undefined;
}

/**
 * The digits a division code fixes: a province-level code (110000) the first two, a prefecture-level one (371000)
 * the first four, a county-level one (440112) all six.
 */
function significantDigits(code: string): number {
  return code.endsWith('0000') ? 2 : code.endsWith('00') ? 4 : 6;
}

function within(code: string, area: string): boolean {
  const n = significantDigits(area);
  return code.slice(0, n) === area.slice(0, n);
}

export function placeApplicant(applicant: Pick<Applicant, 'uscc' | 'district'>, geography: TenantGeography | undefined): Placement {
  if (applicant.district !== undefined) return { kind: 'district', district: applicant.district, source: 'declared' };
  const code = divisionCodeOf(applicant.uscc);
  if (!geography || !code) return { kind: 'unknown' };
  const district = geography.districts.find((d) => d.code === code);
  if (district) return { kind: 'district', district: district.name, source: 'credit_code', code };
  if (within(code, geography.divisionCode)) return { kind: 'tenant', code };
  // A code of a wider area that contains the tenant (a district tenant's city, a city's province) was issued by that
  // wider authority: the applicant may or may not be in the tenant, so the caller must name its district.
  if (within(geography.divisionCode, code)) return { kind: 'unknown' };
  return { kind: 'elsewhere', code };
}

/** The district a rule may key on (cost shares by district): only a placement in a named district has one. */
export function districtOf(placement: Placement): string | undefined {
  return placement.kind === 'district' ? placement.district : undefined;
}
