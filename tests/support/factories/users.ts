import { hashPassword } from '@subsidy/auth';
import { Role } from '@subsidy/tenancy';
import { TestDatabase } from '../test-database';
import { asSuperuser } from './superuser';
import { uniqueSuffix } from './unique';

export const DEFAULT_TEST_PASSWORD = 'correct-horse-battery';

export interface UserSpec {
  tenantId: string;
  role: Role;
  username?: string;
  password?: string;
  displayName?: string;
  email?: string | null;
  /** Required by the schema for district reviewers and district-level finance officers. */
  districtCode?: string | null;
  /** Required for finance officers; defaults to `city` for them. */
  financeLevel?: 'city' | 'district' | null;
  /** Required for applicants. */
  organizationId?: string | null;
  active?: boolean;
}

export interface UserFixture {
  id: string;
  tenantId: string;
  username: string;
  /** The clear-text password, so tests can sign in. */
  password: string;
  role: Role;
  districtCode: string | null;
  organizationId: string | null;
}

/**
 * Inserts a user with an argon2id-hashed password (the product's hashPassword), bypassing the API (no audit record, no
 * password-setup e-mail): a ready account, as an operator's direct onboarding would make one, so suites that are not
 * about onboarding need not redeem a token per user (tests/e2e/accounts-staff.spec.ts covers the API's way). The
 * database still enforces the segregation of duties for accounts given an `email`. Sign in with `login(http, user)`
 * from ./sessions. Example: `createUser(db, { tenantId: t.id, role: 'district_reviewer', districtCode: '370102' })`.
 */
export async function createUser(db: TestDatabase, spec: UserSpec): Promise<UserFixture> {
  const username = spec.username ?? `${spec.role.replace(/_/g, '-')}-${uniqueSuffix()}`;
  const password = spec.password ?? DEFAULT_TEST_PASSWORD;
  const financeLevel = spec.financeLevel ?? (spec.role === 'finance_officer' ? 'city' : null);
  const { rows } = await asSuperuser(db, async (client) =>
    client.query<{ id: string }>(
      `insert into users (tenant_id, username, display_name, email, password_hash, role, district_code, finance_level, organization_id, active)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
      [
        spec.tenantId,
        username,
        spec.displayName ?? `Test ${username}`,
        spec.email ?? null,
        await hashPassword(password),
        spec.role,
        spec.districtCode ?? null,
        financeLevel,
        spec.organizationId ?? null,
        spec.active ?? true,
      ],
    ),
  );
  return { id: rows[0].id, tenantId: spec.tenantId, username, password, role: spec.role, districtCode: spec.districtCode ?? null, organizationId: spec.organizationId ?? null };
}
