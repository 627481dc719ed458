import { Inject, Injectable } from '@nestjs/common';
import { Clock, cstDateOf, cstToday } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { ProgramStore } from '../../core';
import { AwardEstimate, AwardEstimator } from '../../pricing/award-estimator';
import { applicantAsSubmitted } from '../applicant-facts';
import { ApplicationAccess } from '../application-access';

export interface EstimateAwardCommand {
  actor: Actor;
  applicationId: string;
}

/**
 * The live estimate with its explanation. A draft is evaluated as if submitted today (CST); a submitted application at
 * its submission date with the applicant as it was then, which is what the reviewers will see.
 */
@Injectable()
export class EstimateAward {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly estimator: AwardEstimator,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: EstimateAwardCommand): Promise<AwardEstimate & { applicationId: string }> {
    return this.transactions.run(async (manager) => {
      const application = await ApplicationAccess.read(manager, command.actor, command.applicationId);
      const program = await ProgramStore.get(manager, application.programId);
      const applicant = await applicantAsSubmitted(manager, application);
      const applicationDate = application.submittedAt ? cstDateOf(application.submittedAt) : cstToday(this.clock);
      const estimate = await this.estimator.estimate(manager, application, program, applicant, applicationDate);
      return { applicationId: application.id, ...estimate };
    });
  }
}
