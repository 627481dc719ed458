import { api, unwrap, unwrapPage } from '../../api/client';
import type { Schemas } from '../../api/types';
import type { operations } from '../../api/schema';

/** The user-management screen's calls, through the typed client; the shapes are the API's own. */

export type StaffUser = Schemas['ListedUserView'];
export type NewStaffUser = Schemas['CreateUserDto'];
export type CreatedStaffUser = Schemas['CreatedStaffAccountView'];
export type UserListQuery = NonNullable<operations['UsersController_list']['parameters']['query']>;

/** The roles a tenant administrator grants (account-authority.ts: never an administrator), in the order people read them. */
export const GRANTABLE_ROLES = ['program_officer', 'district_reviewer', 'technical_reviewer', 'expert', 'finance_officer'] as const;

export async function fetchStaff(query: UserListQuery): Promise<{ rows: StaffUser[]; total: number }> {
  return unwrapPage(await api.GET('/api/v1/users', { params: { query: { ...query, staff: 'true' } } }));
}

export async function createStaff(body: NewStaffUser): Promise<CreatedStaffUser> {
  return unwrap(await api.POST('/api/v1/users', { body }));
}

export async function deactivateStaff(id: string, reason: string): Promise<void> {
  unwrap(await api.POST('/api/v1/users/{id}/deactivate', { params: { path: { id } }, body: { reason } }));
}

export async function reactivateStaff(id: string, reason: string, email?: string): Promise<void> {
  unwrap(await api.POST('/api/v1/users/{id}/reactivate', { params: { path: { id } }, body: { reason, ...(email ? { email } : {}) } }));
}

export async function resetStaffPassword(id: string, reason: string): Promise<{ passwordSetupExpiresAt: string }> {
  return unwrap(await api.POST('/api/v1/users/{id}/password-reset', { params: { path: { id } }, body: { reason } }));
}
