import { Expert } from '@subsidy/review';
import { EntityManager } from 'typeorm';

/** The tenant's active experts: an active profile of an active user who has the expert role. */
export async function loadExpertPool(manager: EntityManager): Promise<Expert[]> {
  const rows = (await manager.query(
    `select p.user_id as id, u.display_name as name, p.affiliated_usccs as usccs
       from expert_profiles p join users u on u.id = p.user_id
      where p.active and u.active and u.role = 'expert'
      order by p.user_id`,
  )) as Array<{ id: string; name: string; usccs: string[] }>;
  return rows.map((row) => ({ id: row.id, name: row.name, usccs: row.usccs }));
}
