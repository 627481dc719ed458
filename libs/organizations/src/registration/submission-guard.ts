import { EntityManager } from 'typeorm';
import { OrganizationNotFoundError } from '../organization-errors';
import { OrganizationNotVerifiedError } from './registration-errors';
import { RegistrationStore } from './registration-store';

/**
 * A registration is only what the organization said about itself until its district (or the city) has checked it, so
 * an organization may draft applications at once but submit only once its registration is approved. Called by the
 * workflow's submission in its own transaction.
 */
export async function assertOrganizationMaySubmit(manager: EntityManager, organizationId: string): Promise<void> {
  const registration = await RegistrationStore.get(manager, organizationId);
  if (!registration) throw new OrganizationNotFoundError(organizationId);
  if (registration.status !== 'verified') throw new OrganizationNotVerifiedError(registration.status, registration.reason);
}
