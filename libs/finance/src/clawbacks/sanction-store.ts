import { queryRows } from '@subsidy/database';
import { Sanction, SanctionKind } from '@subsidy/policy';
import { EntityManager } from 'typeorm';

/**
 * Sanctions finance records (a fraud ban after a clawback), in the calculation contract's shape, for the applicant
 * facts of an eligibility check: the policy's fraud_ban rule decides from `on` how long the organization is banned.
 */
export const SanctionStore = {
  async forOrganization(manager: EntityManager, organizationId: string): Promise<Sanction[]> {
    const rows = await queryRows<{ kind: SanctionKind; on: string }>(
      manager,
      `select kind, to_char(on_date, 'YYYY-MM-DD') as "on" from sanctions where organization_id = $1 order by on_date, id`,
      [organizationId],
    );
    return rows.map((r) => ({ kind: r.kind, on: r.on }));
  },
};
