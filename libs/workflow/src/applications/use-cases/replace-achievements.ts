import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock, cstToday } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Achievement } from '@subsidy/policy';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { ProgramStore } from '../../core';
import { AwardEstimator } from '../../pricing/award-estimator';
import { ProgramPolicy } from '../../programs/program-policy';
import { ApplicationAccess } from '../application-access';
import { ApplicationAchievements } from '../application-achievements';
import { AchievementsInvalidError, NotAcceptedAllYearError } from '../application-errors';
import { validateAchievements } from '../achievement-validation';
import { currentApplicant } from '../applicant-facts';
import { limitedRollingCall, rollingCallProblems } from '../rolling-call';
import { callScopeOf, callScopeProblems } from '../call-scope';
import { NotAcceptedByCallError } from '../call-scope-errors';

export interface ReplaceAchievementsCommand {
  actor: Actor;
  applicationId: string;
  achievements: Array<Record<string, unknown>>;
}

/**
 * The applicant states the full list of what it claims (the list replaces the previous one) while it may still edit.
 * A rolling call limited to some items (procedure.rollingItems) refuses, with 422, achievements the engine prices
 * under other items, and so does any call of a text that sends some items to another procedure (procedure.calls.scope,
 * 422 not_accepted_by_call), so a draft never holds what the call cannot take.
 */
@Injectable()
export class ReplaceAchievements {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly programPolicy: ProgramPolicy,
    private readonly estimator: AwardEstimator,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: ReplaceAchievementsCommand): Promise<{ applicationId: string; achievements: Achievement[] }> {
    return this.transactions.run(async (manager) => {
      const application = await ApplicationAccess.lockForApplicant(manager, command.actor, command.applicationId);
      ApplicationAccess.assertEditable(application);
      const applicant = await currentApplicant(manager, application.organizationId);
      const today = cstToday(this.clock);
      const checked = validateAchievements(command.achievements, applicant, today);
      if (!checked.ok) throw new AchievementsInvalidError(checked.problems);
      await ApplicationAchievements.replace(manager, RequestContextStore.requireTenantId(), application.id, checked.achievements);
      // Priced by the estimator itself (it reads the stored list, hence after the write): the check sees exactly the
      // items the estimate will show. A refusal throws, and the transaction takes the write back.
      const program = await ProgramStore.get(manager, application.programId);
      const limited = limitedRollingCall(program, this.programPolicy);
      // A text that sends some items to another procedure (calls.scope); read only if the program's text is unchanged,
      // as submission refuses a changed text anyway (policy_version_changed) and re-checks the scope.
      const current = this.programPolicy.current(program);
      const callScope = current ? callScopeOf(current) : null;
      if (limited || callScope) {
        const estimate = await this.estimator.estimate(manager, application, program, applicant, today);
        if (limited) {
          const problems = rollingCallProblems(limited.call, checked.achievements, estimate.items, limited.policy);
          if (problems.length > 0) throw new NotAcceptedAllYearError(problems);
        }
        if (callScope && current) {
          const outside = callScopeProblems(callScope, checked.achievements, estimate.items, current);
          if (outside.length > 0) throw new NotAcceptedByCallError(outside);
        }
      }
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
