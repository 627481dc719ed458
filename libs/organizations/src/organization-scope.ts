import { Scope } from '@subsidy/auth';
import { Actor } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { OrganizationNotFoundError } from './organization-errors';
import { OrganizationRecord, OrganizationStore } from './organization-record';

/**
 * Loads an organization the actor may see: applicants only their own, district-bound staff only their district's.
 * Shared by every use case that acts on one organization, so reading, renaming, deleting and inviting all refuse the
 * same way (404 when it does not exist in the tenant, 403 out_of_scope when it exists outside the actor's reach).
 * `lock` takes the row FOR UPDATE, for use cases that change it.
 */
export async function loadOrganizationInScope(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<OrganizationRecord> {
  const organization = await OrganizationStore.findById(manager, id, lock);
  if (!organization) throw new OrganizationNotFoundError(id);
  Scope.assertOrganizationAccess(actor, { organizationId: organization.id, districtCode: organization.districtCode });
  return organization;
}
