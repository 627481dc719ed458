import { EntityManager } from 'typeorm';

export interface ApplicationItem {
  achievementId: string;
  position: number;
  payload: Record<string, unknown> & { id: string; type: string };
}

/** The achievements an application claims, in the order the applicant listed them. */
export async function loadApplicationItems(manager: EntityManager, applicationId: string): Promise<ApplicationItem[]> {
  return (await manager.query(
    `select achievement_id as "achievementId", position, payload from application_achievements
      where application_id = $1 order by position, achievement_id`,
    [applicationId],
  )) as ApplicationItem[];
}
