import { Role } from '@subsidy/tenancy';

/**
 * The duties that must never meet in one person: administering accounts (who could otherwise give themselves any
 * power), deciding awards and paying them. The database's `users.duty` column and its exclusion constraint
 * `users_segregation_of_duties` hold the same mapping; this copy lets the use cases answer with a clear message first.
 */
export type Duty = 'administer' | 'decide' | 'pay';

export const DUTY_OF_ROLE: Partial<Record<Role, Duty>> = {
  tenant_admin: 'administer',
  program_officer: 'decide',
  finance_officer: 'pay',
};

export function dutyOf(role: Role): Duty | null {
  return DUTY_OF_ROLE[role] ?? null;
}

/** The person key of a staff account: its e-mail address, trimmed and lower-cased (as the `person_key` column). */
export function personKeyOf(email: string | null | undefined): string | null {
  const key = email?.trim().toLowerCase();
  return key ? key : null;
}

/** The constraint's name, so a lost race against a concurrent creation maps to the same answer as the pre-check. */
export const SEGREGATION_CONSTRAINT = 'users_segregation_of_duties';
