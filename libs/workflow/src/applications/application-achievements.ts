import { Achievement } from '@subsidy/policy';
import { EntityManager } from 'typeorm';

/** The achievements an application claims, in the order the applicant listed them. */
export const ApplicationAchievements = {
  async list(manager: EntityManager, applicationId: string): Promise<Achievement[]> {
    const rows = (await manager.query(`select payload from application_achievements where application_id = $1 order by position`, [applicationId])) as Array<{
      payload: Achievement;
    }>;
    return rows.map((row) => row.payload);
  },

  async count(manager: EntityManager, applicationId: string): Promise<number> {
    const rows = (await manager.query(`select count(*)::int as n from application_achievements where application_id = $1`, [applicationId])) as Array<{ n: number }>;
    return rows[0].n;
  },

  async replace(manager: EntityManager, tenantId: string, applicationId: string, achievements: Achievement[]): Promise<void> {
    await manager.query(`delete from application_achievements where application_id = $1`, [applicationId]);
    for (const [position, achievement] of achievements.entries()) {
      await manager.query(
        `insert into application_achievements (tenant_id, application_id, achievement_id, position, payload) values ($1, $2, $3, $4, $5)`,
        [tenantId, applicationId, achievement.id, position, JSON.stringify(achievement)],
      );
    }
  },
};
