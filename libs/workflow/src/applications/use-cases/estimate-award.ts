import { Inject, Injectable } from '@nestjs/common';
import { Clock, cstDateOf, cstToday } from '@subsidy/calendar';
import { CLOCK, ErrorDetail } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { ProgramStore } from '../../core';
import { AwardEstimate, AwardEstimator } from '../../pricing/award-estimator';
import { ProgramPolicy } from '../../programs/program-policy';
import { applicantAsSubmitted } from '../applicant-facts';
import { ApplicationAccess } from '../application-access';
import { ApplicationAchievements } from '../application-achievements';
import { AcceptedItem, acceptedItemsText, limitedRollingCall, rollingCallProblems } from '../rolling-call';

export interface EstimateAwardCommand {
  actor: Actor;
  applicationId: string;
}

/** The estimate as the applicant reads it. */
export interface EstimateView extends AwardEstimate {
  applicationId: string;
  /**
   * Only for a rolling call its policy limits to some items (procedure.rollingItems): the items it takes, the article
   * that says so, and the claimed achievements it would refuse at submission (422 not_accepted_all_year), if any.
   */
  rollingCall?: { article: string; source: string; text: string; acceptedItems: AcceptedItem[]; notAccepted: ErrorDetail[] };
}

/**
 * The live estimate with its explanation. A draft is evaluated as if submitted today (CST); a submitted application at
 * its submission date with the applicant as it was then, which is what the reviewers will see. For a rolling call
 * limited to some items it also says which items the call takes, so the applicant sees that before claiming.
 */
@Injectable()
export class EstimateAward {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly estimator: AwardEstimator,
    private readonly programPolicy: ProgramPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: EstimateAwardCommand): Promise<EstimateView> {
    return this.transactions.run(async (manager) => {
      const application = await ApplicationAccess.read(manager, command.actor, command.applicationId);
      const program = await ProgramStore.get(manager, application.programId);
      const applicant = await applicantAsSubmitted(manager, application);
      const applicationDate = application.submittedAt ? cstDateOf(application.submittedAt) : cstToday(this.clock);
      const estimate = await this.estimator.estimate(manager, application, program, applicant, applicationDate);
      const view: EstimateView = { applicationId: application.id, ...estimate };
      const limited = limitedRollingCall(program, this.programPolicy);
      if (!limited) return view;
      const { call, policy } = limited;
      const notAccepted = rollingCallProblems(call, await ApplicationAchievements.list(manager, application.id), estimate.items, policy);
      return { ...view, rollingCall: { article: call.article, source: call.source, text: acceptedItemsText(call), acceptedItems: call.acceptedItems, notAccepted } };
    });
  }
}
