import { Role } from '@subsidy/tenancy';

/** A user as the application sees it; the password hash never leaves the auth module's services. */
export interface UserRecord {
  tenantId: string;
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  districtCode: string | null;
  financeLevel: 'city' | 'district' | null;
  organizationId: string | null;
  active: boolean;
  createdAt: string;
}

/** A row of the administrators' list: the record and its district's name. */
export interface ListedUser extends UserRecord {
  districtName: string | null;
}

export interface UserRow {
  tenant_id: string;
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string | null;
  role: Role;
  district_code: string | null;
  finance_level: 'city' | 'district' | null;
  organization_id: string | null;
  active: boolean;
  created_at: Date;
}

export const USER_COLUMNS =
  'tenant_id, id, username, display_name, email, password_hash, role, district_code, finance_level, organization_id, active, created_at';

export function toUserRecord(row: UserRow): UserRecord {
  return {
    tenantId: row.tenant_id,
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    role: row.role,
    districtCode: row.district_code,
    financeLevel: row.finance_level,
    organizationId: row.organization_id,
    active: row.active,
    createdAt: row.created_at.toISOString(),
  };
}
