import { Injectable } from '@nestjs/common';
import { AwardCalculationError } from '@subsidy/awards';
import { Achievement, CalcRequest, evaluateWithPolicy, isInForceOn, OtherFunding, PolicyEngineError, PolicyRef, PriorAward, ResultItem, validateRequest } from '@subsidy/policy';
import { EntityManager } from 'typeorm';
import { ApplicantSnapshot } from '../applications/applicant-facts';
import { ApplicationAchievements } from '../applications/application-achievements';
import { AchievementsInvalidError } from '../applications/application-errors';
import { bodyPath } from '../applications/achievement-validation';
import { ApplicationRecord, ProgramRecord } from '../core';
import { ProgramPolicy } from '../programs/program-policy';
import { contractAchievement } from './contract-achievement';
import { PolicyNotInForceError } from './pricing-errors';
import { EarlierAward, earlierAwardsFor, engineFactsOf } from './earlier-award-facts';
import { decidedItemsOf, tenantLevelOfApplication } from './earlier-awards';
import { SanctionStore } from '@subsidy/finance';

/** What the program's policy would pay for an application, item by item with the articles that decided it. */
export interface AwardEstimate {
  applicationDate: string;
  programYear: number;
  policy: PolicyRef;
  totalFen: number;
  items: ResultItem[];
  /**
   * The product's own earlier awards for the same things (same engine key): items decided for the organization in its
   * other applications of the tenant, any program and year. The engine was told of them (prior awards, and other
   * funding per payer), so each text's no-double-funding rule has decided the items above; the officer reads them here
   * beside the new claim.
   */
  earlierAwards: EarlierAward[];
}

/**
 * Runs the award engine for one application under its program's frozen policy version: the live estimate an applicant
 * sees while drafting, the figure stored at submission, and the ceilings of review and decision when no stored figure
 * can be used. The only place a calculation request is built for an application, so every figure sees the same input:
 * the applicant's earlier awards in this product (as prior awards, and as other funding from their payers for the
 * achievements they concern, so each text's no-double-funding rule fires), and the program budget as the year's fund (some policies cap an applicant at a share of
 * it, Foshan 第二十一条). The application date must fall within the policy version's validity (409 policy_not_in_force):
 * the engine prices under whatever text it is given, so this is where an expired text is refused.
 */
@Injectable()
export class AwardEstimator {
  constructor(private readonly programPolicy: ProgramPolicy) {}

  async estimate(
    manager: EntityManager,
    application: Pick<ApplicationRecord, 'id' | 'organizationId'>,
    program: ProgramRecord,
    applicant: ApplicantSnapshot,
    applicationDate: string,
  ): Promise<AwardEstimate> {
    const policy = this.programPolicy.resolve(program);
    if (!isInForceOn(policy, applicationDate)) {
      throw new PolicyNotInForceError(policy, applicationDate);
    }
    const achievements = await ApplicationAchievements.list(manager, application.id);
    const { earlierAwards, priorAwards, otherFunding } = await this.earlierAwardFacts(manager, application, achievements);
    // Bans finance recorded after a clawback: the policy's fraud_ban rule decides whether they still apply.
    const sanctions = await SanctionStore.forOrganization(manager, application.organizationId);
    const fund = fundTotalFen(program);
    const request: CalcRequest = {
      applicationDate,
      programYear: program.year,
      ...(fund !== null ? { fundTotalFen: fund } : {}),
      applicants: [
        {
          uscc: applicant.uscc,
          name: applicant.name,
          kind: applicant.kind,
          district: applicant.districtName,
          ...(priorAwards.length > 0 ? { priorAwards } : {}),
          ...(otherFunding.length > 0 ? { otherFunding } : {}),
          ...(sanctions.length > 0 ? { sanctions } : {}),
          achievements: achievements.map(contractAchievement),
        },
      ],
    };
    const checked = validateRequest(request);
    if (!checked.ok) {
      throw new AchievementsInvalidError(checked.problems.map((p) => ({ path: bodyPath(p.path), message: p.message })));
    }
    try {
      const result = evaluateWithPolicy(policy, checked.request);
      const [mine] = result.applicants;
      return { applicationDate, programYear: program.year, policy: result.policy, totalFen: mine.totalFen, items: mine.items, earlierAwards };
    } catch (error) {
      if (error instanceof PolicyEngineError) throw new AwardCalculationError(error);
      throw error;
    }
  }

  /** The earlier awards an estimate of the application would see now (review and decision compare them to a stored estimate's). */
  async earlierAwards(manager: EntityManager, application: Pick<ApplicationRecord, 'id' | 'organizationId'>): Promise<EarlierAward[]> {
    const achievements = await ApplicationAchievements.list(manager, application.id);
    return (await this.earlierAwardFacts(manager, application, achievements)).earlierAwards;
  }

  private async earlierAwardFacts(
    manager: EntityManager,
    application: Pick<ApplicationRecord, 'id' | 'organizationId'>,
    achievements: Achievement[],
  ): Promise<{ earlierAwards: EarlierAward[]; priorAwards: PriorAward[]; otherFunding: OtherFunding[] }> {
    const decided = await decidedItemsOf(manager, application.organizationId, application.id);
    if (decided.length === 0) return { earlierAwards: [], priorAwards: [], otherFunding: [] };
    const tenantLevel = await tenantLevelOfApplication(manager, application.id);
    const earlierAwards = earlierAwardsFor(achievements, decided, tenantLevel);
    return { earlierAwards, ...engineFactsOf(decided, earlierAwards, tenantLevel) };
  }
}

/** The program budget is the year's fund; a budget beyond exact integer range is left out (the engine then says so). */
function fundTotalFen(program: Pick<ProgramRecord, 'budgetTotalFen'>): number | null {
  const fen = Number(program.budgetTotalFen);
  return Number.isSafeInteger(fen) && fen >= 0 ? fen : null;
}
