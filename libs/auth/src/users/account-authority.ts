import { Actor, Role } from '@subsidy/tenancy';
import { AccountNotManageableError, RoleNotGrantableError } from '../auth-errors';
import { STAFF_ROLES, StaffRole } from './create-user.dto';

/** Accounts whose creation every other administrator hears about: they administer, decide or pay. */
export const PRIVILEGED_ROLES: readonly Role[] = ['platform_admin', 'tenant_admin', 'program_officer', 'finance_officer'];

const ADMINISTRATOR_ROLES: readonly Role[] = ['platform_admin', 'tenant_admin'];

/**
 * Who may create whom. The platform administrator creates platform administrators (in the platform tenant) and, acting
 * on a tenant through X-Tenant-Id, that tenant's administrators and staff. A tenant administrator creates the staff of
 * its own tenant but no administrator, so nobody raises their own kind. Nobody else creates staff accounts.
 */
export function grantableRoles(actor: Actor): readonly StaffRole[] {
  if (actor.role === 'platform_admin') return STAFF_ROLES;
  if (actor.role === 'tenant_admin') return STAFF_ROLES.filter((role) => !ADMINISTRATOR_ROLES.includes(role));
  return [];
}

export function assertMayGrant(actor: Actor, role: StaffRole): void {
  if (!grantableRoles(actor).includes(role)) throw new RoleNotGrantableError(role);
}

/**
 * Deactivating, reactivating, forcing a password reset and clearing sign-in delays: never on one's own account (an
 * administrator cannot lock themselves out, nor undo their own deactivation), and administrator accounts only by the
 * platform administrator.
 */
export function assertMayManage(actor: Actor, target: { id: string; role: Role }): void {
  if (target.id === actor.id) throw new AccountNotManageableError('own_account');
  if (ADMINISTRATOR_ROLES.includes(target.role) && actor.role !== 'platform_admin') throw new AccountNotManageableError('administrator');
}

export function isPrivileged(role: Role): boolean {
  return PRIVILEGED_ROLES.includes(role);
}
