import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { loadOrganizationInScope } from '../organization-scope';

export interface OrganizationMember {
  userId: string;
  username: string;
  displayName: string;
  active: boolean;
  administrator: boolean;
}

/** The applicant accounts of an organization, its administrator marked. */
export async function membersOf(manager: EntityManager, organizationId: string): Promise<OrganizationMember[]> {
  return (await manager.query(
    `select u.id as "userId", u.username, u.display_name as "displayName", u.active, (o.administrator_user_id = u.id) as administrator
       from users u join organizations o on o.id = u.organization_id
      where u.organization_id = $1 and u.role = 'applicant' order by u.created_at, u.id`,
    [organizationId],
  )) as OrganizationMember[];
}

/** Who belongs to the organization, for its members and for staff who may see it (to pick or check an administrator). */
@Injectable()
export class ListOrganizationMembers {
  constructor(private readonly transactions: TenantTransactions) {}

  execute(actor: Actor, organizationId: string): Promise<OrganizationMember[]> {
    return this.transactions.run(async (manager) => {
      await loadOrganizationInScope(manager, actor, organizationId);
      return membersOf(manager, organizationId);
    });
  }
}
