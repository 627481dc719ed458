import { Achievement, PriorAward } from '@subsidy/policy';
import { EntityManager } from 'typeorm';
// The engine's own `<type>:<level>:<identifier>` key (FORMAT.md section 9), so prior awards match exactly as the
// policies compare them; @subsidy/policy does not re-export it from its index yet.
import { achievementKey } from '../../../policy/src/match/achievement-facts';

interface PaidItem {
  payload: Achievement;
  year: number;
  amountFen: string;
}

/**
 * What the organization was paid under earlier programs: the decided items of its applications that were handed over
 * to finance, keyed as the policies' highest-only and top-up rules read them.
 */
export async function priorAwardsOf(manager: EntityManager, organizationId: string, exceptApplicationId: string): Promise<PriorAward[]> {
  const rows = (await manager.query(
    `select aa.payload, p.year, di.decided_fen::text as "amountFen"
       from decision_items di
       join applications a on a.tenant_id = di.tenant_id and a.id = di.application_id
       join programs p on p.tenant_id = a.tenant_id and p.id = a.program_id
       join application_achievements aa on aa.tenant_id = di.tenant_id and aa.application_id = di.application_id and aa.achievement_id = di.achievement_id
      where a.organization_id = $1 and a.id <> $2 and a.status = 'handed_over' and di.decided_fen > 0
      order by p.year, a.id, di.achievement_id`,
    [organizationId, exceptApplicationId],
  )) as PaidItem[];
  return rows.map((row) => {
    const key = achievementKey(row.payload);
    return { achievementKey: `${key.type}:${key.level}:${key.identifier}`, year: row.year, amountFen: Number(row.amountFen) };
  });
}
