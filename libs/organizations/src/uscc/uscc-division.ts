import { ErrorDetail } from '@subsidy/common';

/** Characters 3-8 of a unified social credit code: the administrative division of the office that registered it. */
export function usccDivision(uscc: string): string {
  return uscc.slice(2, 8);
}

/** The tenant as registration sees it: its own division code (the city bureau's) and the codes of its districts. */
export interface TenantDivisions {
  divisionCode: string;
  districtCodes: readonly string[];
}

/**
 * `district`: registered by the declared district's own bureau. `city`: registered by the tenant's city-level bureau,
 * which registers organizations of every district, so the declared district cannot be checked against the code and
 * the registration is flagged for the reviewer to confirm from the licence.
 */
export type DivisionMatch = { ok: true; level: 'district' | 'city' } | { ok: false; detail: ErrorDetail };

/** Flag kept on a registration whose code names the city bureau rather than the declared district's. */
export const REGISTERED_WITH_CITY_FLAG = 'uscc_registered_with_city';

/**
 * Checks the registering office in the code against the tenant and the declared district. A code of a district of the
 * tenant must be the declared district's; the tenant's own code (the city bureau) fits any district but is flagged;
 * anything else was registered outside the tenant. Paths are as in the registration body.
 */
export function matchUsccDivision(uscc: string, declaredDistrict: string, tenant: TenantDivisions): DivisionMatch {
  const division = usccDivision(uscc);
  if (division === declaredDistrict) return { ok: true, level: 'district' };
  if (tenant.districtCodes.includes(division)) {
    return {
      ok: false,
      detail: {
        path: 'organization.districtCode',
        message: `the credit code was registered in district ${division}, not in the declared district ${declaredDistrict}`,
        messageZh: `统一社会信用代码的登记机关行政区划（${division}）与所填所在区（${declaredDistrict}）不一致`,
      },
    };
  }
  if (division === tenant.divisionCode) return { ok: true, level: 'city' };
  return {
    ok: false,
    detail: {
      path: 'organization.uscc',
      message: `characters 3-8 of the credit code (${division}) name a registration office outside this tenant (${tenant.divisionCode} and its districts)`,
      messageZh: `统一社会信用代码第3至8位登记机关行政区划（${division}）不属于本地区（${tenant.divisionCode}及其所辖区县）`,
    },
  };
}
