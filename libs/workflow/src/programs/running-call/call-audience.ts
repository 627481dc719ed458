import { Recipient } from '@subsidy/notifications';
import { EntityManager } from 'typeorm';

/**
 * Who a change to a running call touches: every organization with a live application in the program (a draft or a
 * submitted one; withdrawn, lapsed and rejected ones no longer claim anything) and the program officers.
 */
export async function callAudience(manager: EntityManager, programId: string): Promise<Recipient[]> {
  const rows = (await manager.query(
    `select distinct organization_id as "organizationId" from applications
      where program_id = $1 and status not in ('withdrawn', 'lapsed', 'rejected') order by organization_id`,
    [programId],
  )) as Array<{ organizationId: string }>;
  return [...rows.map(({ organizationId }) => ({ organizationId })), { role: 'program_officer' }];
}
