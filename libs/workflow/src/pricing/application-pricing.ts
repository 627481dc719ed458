import { Injectable } from '@nestjs/common';
import { AwardCalculationError } from '@subsidy/awards';
import { cstDateOf } from '@subsidy/calendar';
import { EntityManager } from 'typeorm';
import { applicantAsSubmitted } from '../applications/applicant-facts';
import { ApplicationAchievements } from '../applications/application-achievements';
import { AchievementsInvalidError } from '../applications/application-errors';
import { ApplicationRecord, ProgramRecord } from '../core';
import { ProgramPolicy } from '../programs/program-policy';
import { AwardCeiling, ceilingsOfParts, policyItemsOfParts, PricedPart } from './award-ceiling';
import { AwardEstimate, AwardEstimator } from './award-estimator';
import { PricingUnavailableError } from './pricing-errors';
import { storedEstimateParts } from './stored-estimate';
import { sameEarlierAwards } from './earlier-award-facts';

/**
 * Each achievement's ceiling under the program's own policy version (frozen by hash) at the application's submission
 * date, never today: a review or decision months later pays what the rules said when the applicant applied. The
 * estimate stored at submission is used when it was made under that same policy text and with the same earlier awards
 * of the organization (an award decided since for the same thing makes it stale); otherwise the estimator runs
 * afresh at the submission date (with prior awards and the year's fund, exactly as the stored estimate was made), so
 * the technical opinion, the expert panel and the decision always check against the same figure.
 */
@Injectable()
export class ApplicationPricing {
  constructor(
    private readonly programPolicy: ProgramPolicy,
    private readonly estimator: AwardEstimator,
  ) {}

  /** Ceilings keyed by achievement id, in the order the applicant listed the achievements. */
  async ceilings(manager: EntityManager, application: ApplicationRecord, program: ProgramRecord): Promise<Map<string, AwardCeiling>> {
    const { achievementIds, parts } = await this.pricedParts(manager, application, program);
    return ceilingsOfParts(parts, achievementIds);
  }

  /**
   * The ceilings together with the policy items each achievement was priced under (for the decision, which snapshots
   * their names), from one pricing of the application.
   */
  async ceilingsWithItems(
    manager: EntityManager,
    application: ApplicationRecord,
    program: ProgramRecord,
  ): Promise<{ ceilings: Map<string, AwardCeiling>; policyItems: Map<string, string[]> }> {
    const { achievementIds, parts } = await this.pricedParts(manager, application, program);
    return { ceilings: ceilingsOfParts(parts, achievementIds), policyItems: policyItemsOfParts(parts, achievementIds) };
  }

  private async pricedParts(manager: EntityManager, application: ApplicationRecord, program: ProgramRecord): Promise<{ achievementIds: string[]; parts: PricedPart[] }> {
    if (!application.submittedAt) throw new PricingUnavailableError({ zh: '申报尚未提交，没有申报日期，无法测算', en: 'The application has not been submitted, so it has no application date' });
    // The program's frozen text must still exist (409 policy_version_changed), whichever way the figure is obtained.
    this.programPolicy.resolve(program);
    const achievementIds = (await ApplicationAchievements.list(manager, application.id)).map((achievement) => achievement.id);
    const [stored] = (await manager.query(`select estimate from applications where id = $1`, [application.id])) as Array<{ estimate: unknown }>;
    const parts = storedEstimateParts(stored?.estimate ?? null, program.policyHash);
    // An award decided since submission for the same thing (another program, another year) makes the stored figure
    // stale: the no-double-funding rules must see it, so the application is priced afresh.
    if (parts && sameEarlierAwards(stored?.estimate ?? null, await this.estimator.earlierAwards(manager, application))) return { achievementIds, parts };
    return { achievementIds, parts: (await this.evaluate(manager, application, program, cstDateOf(application.submittedAt))).items };
  }

  private async evaluate(manager: EntityManager, application: ApplicationRecord, program: ProgramRecord, applicationDate: string): Promise<AwardEstimate> {
    const applicant = await applicantAsSubmitted(manager, application);
    try {
      return await this.estimator.estimate(manager, application, program, applicant, applicationDate);
    } catch (error) {
      if (error instanceof AchievementsInvalidError) {
        const [first] = error.details;
        throw new PricingUnavailableError({
          zh: '申报的成果项目无法按政策测算金额，请核对成果信息',
          en: `The application's items cannot be priced: ${first ? `${first.path} ${first.message}` : error.message}`,
        });
      }
      if (error instanceof AwardCalculationError) throw new PricingUnavailableError({ zh: '申报的成果项目无法按政策测算金额，请核对成果信息', en: `The application's items cannot be priced: ${error.message}` });
      throw error;
    }
  }
}
