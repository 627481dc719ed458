import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock, cstToday } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Achievement } from '@subsidy/policy';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { ApplicationAccess } from '../application-access';
import { ApplicationAchievements } from '../application-achievements';
import { AchievementsInvalidError } from '../application-errors';
import { validateAchievements } from '../achievement-validation';
import { currentApplicant } from '../applicant-facts';

export interface ReplaceAchievementsCommand {
  actor: Actor;
  applicationId: string;
  achievements: Array<Record<string, unknown>>;
}

/** The applicant states the full list of what it claims (the list replaces the previous one) while it may still edit. */
@Injectable()
export class ReplaceAchievements {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: ReplaceAchievementsCommand): Promise<{ applicationId: string; achievements: Achievement[] }> {
    return this.transactions.run(async (manager) => {
      const application = await ApplicationAccess.lockForApplicant(manager, command.actor, command.applicationId);
      ApplicationAccess.assertEditable(application);
      const applicant = await currentApplicant(manager, application.organizationId);
      const checked = validateAchievements(command.achievements, applicant, cstToday(this.clock));
      if (!checked.ok) throw new AchievementsInvalidError(checked.problems);
      await ApplicationAchievements.replace(manager, RequestContextStore.requireTenantId(), application.id, checked.achievements);
      await manager.query(`update applications set updated_at = $2 where id = $1`, [application.id, this.clock.now()]);
      await this.audit.record(manager, {
        action: 'application.achievements-replaced',
        entityType: 'application',
        entityId: application.id,
        data: { achievementIds: checked.achievements.map((a) => a.id) },
      });
      return { applicationId: application.id, achievements: checked.achievements };
    });
  }
}
