import { queryRows } from '@subsidy/database';
import { Recipient } from '@subsidy/notifications';
import { EntityManager } from 'typeorm';

/**
 * Who must hear of a change to an organization's payee account: the city-level finance officers, the finance officers
 * of the organization's district (the two payers of a shared award), and the organization's own accounts, so a change
 * one member made behind the others' backs does not go unnoticed.
 */
export async function payeeAccountWatchers(manager: EntityManager, organization: { id: string; districtCode: string }): Promise<Recipient[]> {
  const officers = await queryRows<{ id: string }>(
    manager,
    `select id from users where role = 'finance_officer' and active and (finance_level = 'city' or district_code = $1) order by id`,
    [organization.districtCode],
  );
  return [...officers.map((o) => ({ userId: o.id })), { organizationId: organization.id }];
}
