import { applicationStatusZh } from '../../core/status-names';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, cstToday } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { assertOrganizationMaySubmit } from '@subsidy/organizations';
import { Achievement, ResultItem } from '@subsidy/policy';
import { Outbox } from '@subsidy/queue';
import { Actor } from '@subsidy/tenancy';
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
import { notifyStageArrival } from '../../review/stage-arrival';
import { scheduleStageArrival } from '../../review/stage-deadlines';
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
      const round = application.submissionCount + 1;
      // The stage's due date, with its reminder and escalation (review/stage-deadlines.ts).
      const stageDueOn = await scheduleStageArrival(manager, this.outbox, this.clock, application, program, to, round);
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

      const subject = resubmission ? '申报材料已重新提交' : '申报已提交';
      await this.notifier.notify(manager, [{ organizationId: application.organizationId }], {
        kind: resubmission ? 'application.resubmitted' : 'application.submitted',
        subject,
        body: `《${program.title}》的申报已提交（第${round}次），进入${stageName(to)}。`,
        entity: { type: 'application', id: application.id },
      });
      await notifyStageArrival(this.notifier, manager, moved, program, to, moved.stageDueOn);
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
        throw new InvalidStateError({ zh: `补正期限为 ${application.stageDueOn}，已经逾期，不能再次提交`, en: `The correction was due on ${application.stageDueOn}; the application can no longer be resubmitted` });
      }
      return;
    }
    throw new InvalidStateError({
      zh: `申报已提交，当前为“${applicationStatusZh(application.status)}”，只有草稿或被要求补正的申报可以提交`,
      en: `The application is ${application.status}; only a draft or an application returned for correction can be submitted`,
    });
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
      throw new SubmissionIncompleteError('declaration_required', { zh: '提交前请先声明申报内容真实、完整', en: 'Declare that the application is true and complete before submitting it' }, [
        { path: 'declaration', message: 'not declared', messageZh: '尚未声明' },
      ]);
    }
    if ((await ApplicationAchievements.count(manager, application.id)) === 0) {
      throw new SubmissionIncompleteError('achievements_required', { zh: '提交前请至少填报一项成果', en: 'Claim at least one achievement before submitting' }, [
        { path: 'achievements', message: 'no achievement claimed', messageZh: '尚未填报成果' },
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
