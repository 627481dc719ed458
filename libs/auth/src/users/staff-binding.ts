import { ErrorDetail } from '@subsidy/common';
import { StaffRole } from './create-user.dto';

export interface StaffBindingInput {
  role: StaffRole;
  districtCode?: string | null;
  financeLevel?: 'city' | 'district' | null;
}

/**
 * The district/finance bindings each role needs, checked before the database's own constraints so the caller gets
 * a message naming the field: a district reviewer needs a district, a finance officer a level (and a district when
 * the level is district); nobody else is bound to either. Platform administrators exist only in the platform tenant.
 */
export function staffBindingProblems(input: StaffBindingInput, tenantIsPlatform: boolean): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const district = input.districtCode ?? null;
  const level = input.financeLevel ?? null;
  if (tenantIsPlatform !== (input.role === 'platform_admin')) {
    problems.push({
      path: 'role',
      message: tenantIsPlatform ? 'the platform tenant only has platform administrators' : 'platform administrators can only be created in the platform tenant',
    });
  }
  if (input.role === 'district_reviewer' && !district) problems.push({ path: 'districtCode', message: 'a district reviewer must be bound to a district' });
  if (input.role === 'finance_officer') {
    if (!level) problems.push({ path: 'financeLevel', message: 'a finance officer needs a level: city or district' });
    if (level === 'district' && !district) problems.push({ path: 'districtCode', message: 'a district-level finance officer must be bound to a district' });
    if (level === 'city' && district) problems.push({ path: 'districtCode', message: 'a city-level finance officer is not bound to a district' });
  } else if (level) {
    problems.push({ path: 'financeLevel', message: 'only finance officers have a finance level' });
  }
  if (district && input.role !== 'district_reviewer' && input.role !== 'finance_officer') {
    problems.push({ path: 'districtCode', message: `a ${input.role} is not bound to a district` });
  }
  return problems;
}
