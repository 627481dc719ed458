import { queryRows } from '@subsidy/database';
import { EntityManager } from 'typeorm';

/** A district's city:district fiscal revenue-sharing ratio as recorded by city finance (财政收入分享比例). */
export interface RevenueSharingRatio {
  districtCode: string;
  districtName: string;
  cityParts: number;
  districtParts: number;
  /** The document that sets the ratio (e.g. the city's fiscal-system decision), so a reader can check it. */
  basis: string;
  version: number;
  setBy: string;
  setAt: Date;
}

const COLUMNS = `r.district_code as "districtCode", d.name_zh as "districtName", r.city_parts as "cityParts",
                 r.district_parts as "districtParts", r.basis, r.version, r.set_by as "setBy", r.set_at as "setAt"`;

/** Reads of `revenue_sharing_ratios` (migration 1763900009614) in the caller's tenant transaction. */
export const RevenueSharingStore = {
  async list(manager: EntityManager): Promise<RevenueSharingRatio[]> {
    const rows = await queryRows<RevenueSharingRatio>(
      manager,
      `select ${COLUMNS} from revenue_sharing_ratios r join districts d on d.code = r.district_code order by r.district_code`,
      [],
    );
    return rows.map(normalize);
  },

  /** The ratios of the given districts, keyed by district code; a district without one is absent. */
  async forDistricts(manager: EntityManager, districtCodes: readonly string[], lock = false): Promise<Map<string, RevenueSharingRatio>> {
    if (districtCodes.length === 0) return new Map();
    const rows = await queryRows<RevenueSharingRatio>(
      manager,
      `select ${COLUMNS} from revenue_sharing_ratios r join districts d on d.code = r.district_code
        where r.district_code = any($1) order by r.district_code ${lock ? 'for share of r' : ''}`,
      [[...districtCodes]],
    );
    return new Map(rows.map((row) => [row.districtCode.trim(), normalize(row)]));
  },
};

function normalize(row: RevenueSharingRatio): RevenueSharingRatio {
  return { ...row, districtCode: row.districtCode.trim(), cityParts: Number(row.cityParts), districtParts: Number(row.districtParts), version: Number(row.version) };
}
