import { Inject, Injectable } from '@nestjs/common';
import { addWorkingDays, Clock, cstEndOfDay, cstToday } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Notifier, Recipient } from '@subsidy/notifications';
import { assertOrganizationMaySubmit } from '@subsidy/organizations';
import { Achievement, ResultItem } from '@subsidy/policy';
import { Outbox } from '@subsidy/queue';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { ApplicationRecord, ApplicationStatus, ApplicationTransitions, InvalidStateError, nextReviewStatus, ProgramRecord, ProgramStore, ReviewStage } from '../../core';
import { ProgramWindow } from '../../programs/program-window';
import { currentApplicant } from '../applicant-facts';
import { ApplicationAccess } from '../application-access';
import { ApplicationAchievements } from '../application-achievements';
import { AchievementsInvalidError, MaterialsMissingError, NotAcceptedAllYearError, SubmissionIncompleteError } from '../application-errors';
import { futureAchievementDates } from '../achievement-dates';
import { EvidenceFiles } from '../evidence/evidence-files';
import { materialsCheck, missingMaterialDetails } from '../required-materials';
import { AwardEstimator } from '../../pricing/award-estimator';
import { ProgramPolicy } from '../../programs/program-policy';
import { limitedRollingCall, rollingCallProblems } from '../rolling-call';
import { enqueueYearRescreen } from '../../review/panel/year-rescreen';
import { stagesOutOfScope } from '../../review/stage-scope';
import { policyItemsOfParts } from '../../pricing/award-ceiling';
import { callScopeOf, callScopeProblems } from '../call-scope';
import { NotAcceptedByCallError } from '../call-scope-errors';

export interface SubmitApplicationCommand {
  actor: Actor;
  applicationId: string;
}

export interface SubmissionResult {
  applicationId: string;
  status: ApplicationStatus;
  submittedAt: string;
  submissionCount: number;
  stageDueOn: string | null;
  estimateTotalFen: number;
}

/** Who works on an application once it reaches `status`. */
function reviewersOf(status: ApplicationStatus, districtCode: string): Recipient[] {
  switch (status) {
    case 'district_review':
      return [{ role: 'district_reviewer', districtCode }];
    case 'technical_review':
      return [{ role: 'technical_reviewer' }];
    default:
      return [{ role: 'program_officer' }];
  }
}

/**
 * Submits a draft (to the program's first review stage) or a corrected application (back to the stage that asked for
 * the correction). One transaction holds the row lock from the status check to the move, so two clicks at once make
 * one submission: the second sees the new status and gets 409.
 */
@Injectable()
export class SubmitApplication {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly transitions: ApplicationTransitions,
    private readonly estimator: AwardEstimator,
    private readonly programPolicy: ProgramPolicy,
    private readonly notifier: Notifier,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: SubmitApplicationCommand): Promise<SubmissionResult> {
    return this.transactions.run(async (manager) => {
      const application = await ApplicationAccess.lockForApplicant(manager, command.actor, command.applicationId);
      // A self-registration must be approved by its district or the city before the organization submits (409).
      await assertOrganizationMaySubmit(manager, application.organizationId);
      const program = await ProgramStore.get(manager, application.programId);
      const now = this.clock.now();
      const today = cstToday(this.clock);
      this.assertSubmittable(application, program, today);
      await this.assertComplete(manager, application);

      const applicant = await currentApplicant(manager, application.organizationId);
      const estimate = await this.estimator.estimate(manager, application, program, applicant, today);
      const achievements = await ApplicationAchievements.list(manager, application.id);
      this.assertTakenByCall(achievements, program, estimate.items);
      await this.assertMaterialsAndDates(manager, application, program, achievements, today);
      const to = this.destination(application, program, achievements, estimate.items);
      const stageDueOn = to === 'formal_check' && program.review.formalCheckWorkingDays ? addWorkingDays(today, program.review.formalCheckWorkingDays) : null;
      const resubmission = application.status === 'correction_requested';
      const moved = await this.transitions.move(manager, application, {
        to,
        action: resubmission ? 'application.resubmitted' : 'application.submitted',
        stageDueOn,
        data: { submission: application.submissionCount + 1, estimateTotalFen: estimate.totalFen },
      });
      await manager.query(
        `update applications
            set applicant_snapshot = $2, estimate = $3, estimate_total_fen = $4, submitted_at = $5, submission_count = submission_count + 1
          where id = $1`,
        [application.id, JSON.stringify(applicant), JSON.stringify(estimate), estimate.totalFen, now],
      );
      const round = application.submissionCount + 1;

      const subject = resubmission ? '申报材料已重新提交' : '申报已提交';
      await this.notifier.notify(manager, [{ organizationId: application.organizationId }], {
        kind: resubmission ? 'application.resubmitted' : 'application.submitted',
        subject,
        body: `《${program.title}》的申报已提交（第${round}次），进入${stageName(to)}。`,
        entity: { type: 'application', id: application.id },
      });
      await this.notifier.notify(manager, reviewersOf(to, application.districtCode), {
        kind: 'application.awaiting-review',
        subject: `待${stageName(to)}：${applicant.name}`,
        body: `${applicant.name}的《${program.title}》申报待${stageName(to)}${stageDueOn ? `，请于${stageDueOn}前完成` : ''}。`,
        entity: { type: 'application', id: application.id },
      });
      if (stageDueOn) {
        await this.outbox.enqueue(
          manager,
          'workflow',
          'application.formal-check-deadline',
          { tenantId: RequestContextStore.requireTenantId(), applicationId: application.id, round },
          { runAt: cstEndOfDay(stageDueOn), dedupeKey: `application.formal-check-deadline:${application.id}:${round}` },
        );
      }
      // A year-wide expert exclusion (Foshan 第十二条) may now rule out experts sitting on the year's panels.
      await enqueueYearRescreen(manager, this.outbox, this.programPolicy.resolve(program).procedure, program, application.id, round, now);
      return {
        applicationId: application.id,
        status: moved.status,
        submittedAt: now.toISOString(),
        submissionCount: round,
        stageDueOn: moved.stageDueOn,
        estimateTotalFen: estimate.totalFen,
      };
    });
  }

  /**
   * A draft may be submitted while the window is open. A correction may be resubmitted also after the window closed,
   * but not after its own deadline.
   */
  private assertSubmittable(application: ApplicationRecord, program: ProgramRecord, today: string): void {
    if (application.status === 'draft') {
      ProgramWindow.assertOpenFor(program, this.clock);
      return;
    }
    if (application.status === 'correction_requested') {
      if (application.stageDueOn && today > application.stageDueOn) {
        throw new InvalidStateError(`The correction was due on ${application.stageDueOn}; the application can no longer be resubmitted`);
      }
      return;
    }
    throw new InvalidStateError(`The application is ${application.status}; only a draft or an application returned for correction can be submitted`);
  }

  /**
   * A correction goes back to the stage that asked for it. A draft goes to the first stage in the program's order
   * (review.stageOrder) that is on, skipping a stage the text requires for other items only (procedure.stages.scope,
   * Beijing 第十三条) when none of the achievements being submitted is priced under one of them.
   */
  private destination(
    application: ApplicationRecord,
    program: ProgramRecord,
    achievements: ReadonlyArray<{ id: string }>,
    priced: ResultItem[],
  ): ReviewStage | 'awaiting_decision' {
    if (application.status === 'correction_requested' && application.returnStage) return application.returnStage;
    const { stages } = this.programPolicy.resolve(program).procedure;
    const skipped = stagesOutOfScope(stages, policyItemsOfParts(priced, achievements.map((achievement) => achievement.id)));
    return nextReviewStatus(program.review, application.reviewLevel, null, skipped);
  }

  /**
   * Re-checks, on the figures being submitted, that the call takes every achievement: a rolling call limited to some
   * items (procedure.rollingItems, 422 not_accepted_all_year), and any call of a text that sends some items to another
   * procedure (procedure.calls.scope, Liaocheng 第六条第（六）项, 422 not_accepted_by_call). The draft was checked when
   * saved, but the policy may have been read differently then (another version of the check, or a draft saved before
   * the limit was encoded). Each refused achievement is named; the throw leaves all as it was.
   */
  private assertTakenByCall(achievements: ReadonlyArray<{ id: string }>, program: ProgramRecord, priced: ResultItem[]): void {
    const limited = limitedRollingCall(program, this.programPolicy);
    if (limited) {
      const problems = rollingCallProblems(limited.call, achievements, priced, limited.policy);
      if (problems.length > 0) throw new NotAcceptedAllYearError(problems);
    }
    const policy = this.programPolicy.resolve(program);
    const outside = callScopeProblems(callScopeOf(policy), achievements, priced, policy);
    if (outside.length > 0) throw new NotAcceptedByCallError(outside);
  }

  /**
   * The achievements as submitted must carry no event date after the submission date (publishedOn, recognizedOn…:
   * 400 naming `achievements[i].field`), and every material the call lists for each achievement's type must have an
   * evidence file (422 materials_missing, every missing pair named). Both re-read what is stored, so a draft saved
   * under other rules cannot slip through.
   */
  private async assertMaterialsAndDates(
    manager: EntityManager,
    application: ApplicationRecord,
    program: ProgramRecord,
    achievements: readonly Achievement[],
    today: string,
  ): Promise<void> {
    const future = futureAchievementDates(achievements, today);
    if (future.length > 0) throw new AchievementsInvalidError(future);
    const check = materialsCheck(program.call, achievements, await EvidenceFiles.list(manager, application.id));
    if (!check.complete) throw new MaterialsMissingError(missingMaterialDetails(check));
  }

  private async assertComplete(manager: EntityManager, application: ApplicationRecord): Promise<void> {
    const [row] = (await manager.query(`select declared_at as "declaredAt" from applications where id = $1`, [application.id])) as Array<{ declaredAt: Date | null }>;
    if (!row.declaredAt) {
      throw new SubmissionIncompleteError('declaration_required', 'Declare that the application is true and complete before submitting it', [
        { path: 'declaration', message: 'not declared' },
      ]);
    }
    if ((await ApplicationAchievements.count(manager, application.id)) === 0) {
      throw new SubmissionIncompleteError('achievements_required', 'Claim at least one achievement before submitting', [
        { path: 'achievements', message: 'no achievement claimed' },
      ]);
    }
  }
}

const STAGE_NAMES: Record<ReviewStage | 'awaiting_decision', string> = {
  formal_check: '形式审查',
  district_review: '区级初审',
  technical_review: '技术审查',
  expert_review: '专家评审',
  awaiting_decision: '审定',
};

function stageName(status: ApplicationStatus): string {
  return STAGE_NAMES[status as ReviewStage | 'awaiting_decision'] ?? status;
}
