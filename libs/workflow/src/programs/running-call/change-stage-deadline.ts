import { programStatusZh } from '../../core/status-names';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { addWorkingDays, Clock, cstToday, parseCalendarDate } from '@subsidy/calendar';
import { CLOCK, ValidationFailedError } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Notifier, Recipient } from '@subsidy/notifications';
import { Outbox } from '@subsidy/queue';
import { EntityManager } from 'typeorm';
import { ConcurrentChangeError, InvalidStateError, ProgramRecord, ProgramStatus, ProgramStore, ReviewSettings, ReviewStage } from '../../core';
import { STAGE_DAYS_SETTING, STAGE_DEFAULT_WORKING_DAYS, scheduleStageJobs, stageWorkingDays } from '../../review/stage-deadlines';
import { procedureProblems } from '../procedure-template';
import { ProgramContradictsPolicyError } from '../program-errors';
import { ProgramPolicy } from '../program-policy';
import { ProgramRows } from '../program-row-writes';
import { ProgramView, toProgramView } from '../program-view';
import { callAudience } from './call-audience';
import { RunningCallRows } from './running-call-rows';

/** The stages with a deadline of their own in the review settings: the four review stages and the correction period. */
export const DEADLINE_STAGES = ['formal_check', 'district_review', 'technical_review', 'expert_review', 'correction'] as const;
export type DeadlineStage = (typeof DEADLINE_STAGES)[number];

const SETTING = { ...STAGE_DAYS_SETTING, correction: 'correctionWorkingDays' } as const;
const STAGE_ZH: Record<DeadlineStage, string> = { formal_check: '形式审查', district_review: '区县初审', technical_review: '技术审查', expert_review: '专家评审', correction: '补正' };
/** Deadlines still matter until the call is handed to finance; a draft is edited with PUT instead. */
const CHANGEABLE: readonly ProgramStatus[] = ['scheduled', 'open', 'closed', 'decided', 'publicized'];

export interface ChangeStageDeadlineCommand {
  programId: string;
  stage: DeadlineStage;
  workingDays: number;
  reason: string;
}

/**
 * Changes a stage's deadline in working days: a review stage's (the formal check, the district, technical or expert
 * review: the office's and its reviewers' own deadlines) or the correction period (the applicant's). It applies to every
 * application entering the stage from now on, counted from the day it enters; for a review stage the due dates already
 * running move too, with new reminder and escalation jobs (moveRunningDueDates); a correction already running keeps
 * its date (and its lapse job). The text binds as on create: the formal check at
 * most the text's days, the correction period at least the text's. The applicants with live applications, the program
 * officers and, for the correction period, the district reviewers (who also return applications) are told.
 */
@Injectable()
export class ChangeStageDeadline {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    private readonly programPolicy: ProgramPolicy,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ programId, stage, workingDays, reason }: ChangeStageDeadlineCommand): Promise<ProgramView> {
    return this.transactions.run(async (manager) => {
      const program = await ProgramStore.lock(manager, programId);
      if (!CHANGEABLE.includes(program.status)) {
        throw new InvalidStateError({
          zh: `项目当前为“${programStatusZh(program.status)}”，不能在此调整审查环节期限${program.status === 'draft' ? '，请直接编辑草稿' : ''}`,
          en: `A stage deadline of a ${program.status} program cannot be changed${program.status === 'draft' ? ' here; edit the draft with PUT' : ''}`,
        });
      }
      if (stage !== 'correction' && !program.review.stages[stage]) {
        throw new ValidationFailedError({ zh: `该项目不进行${STAGE_ZH[stage]}`, en: `The program has no ${stage}` }, [
          { path: 'stage', message: `the program runs no ${stage}`, messageZh: `该项目不进行${STAGE_ZH[stage]}` },
        ]);
      }
      const policy = this.programPolicy.resolve(program);
      const setting = SETTING[stage];
      const review: ReviewSettings = { ...program.review, [setting]: workingDays };
      this.assertTextAllows(program, review, setting, policy);
      const changed = await RunningCallRows.replaceReview(manager, program, review, this.clock.now());
      if (!changed) throw new ConcurrentChangeError('program', '该项目');
      const from = program.review[setting] ?? null;
      const moved = stage === 'correction' ? [] : await this.moveRunningDueDates(manager, program, review, stage, reason);
      await this.audit.record(manager, {
        action: 'program.stage-deadline-changed',
        entityType: 'program',
        entityId: program.id,
        reason,
        data: { stage, setting, from, to: workingDays, version: changed.version, moved },
      });
      await this.notifier.notify(manager, [...(await callAudience(manager, program.id)), ...reviewersOf(stage)], {
        kind: 'program.stage-deadline-changed',
        subject: `${program.title} ${STAGE_ZH[stage]}期限调整为 ${workingDays} 个工作日`,
        body:
          stage === 'correction'
            ? `项目「${program.title}」的${STAGE_ZH[stage]}期限由 ${from ?? '不限'} 个工作日调整为 ${workingDays} 个工作日，自进入该环节之日起计算，适用于此后进入该环节的申报；已在计算中的期限不变。原因：${reason}`
            : `项目「${program.title}」的${STAGE_ZH[stage]}期限由 ${from ?? `默认 ${STAGE_DEFAULT_WORKING_DAYS}`} 个工作日调整为 ${workingDays} 个工作日，自进入该环节之日起计算；正在该环节的 ${moved.length} 件申报的到期日已相应调整。原因：${reason}`,
        entity: { type: 'program', id: program.id },
      });
      const sources = await ProgramRows.sources(manager, [program.id]);
      return toProgramView(changed, sources.get(program.id) ?? [], policy);
    });
  }

  /**
   * A review stage's deadline also moves the due dates already running: each application now in the stage gets the
   * date it would have had under the new setting (its old date moved by the difference in working days, i.e. counted
   * again from the day it arrived), audited, with a reminder and an escalation for the new date. The jobs queued for
   * the old date find another date at run time and do nothing.
   */
  private async moveRunningDueDates(
    manager: EntityManager,
    program: ProgramRecord,
    review: ReviewSettings,
    stage: ReviewStage,
    reason: string,
  ): Promise<Array<{ applicationId: string; from: string; to: string }>> {
    const shift = stageWorkingDays(review, stage) - stageWorkingDays(program.review, stage);
    if (shift === 0) return [];
    const running = (await manager.query(
      `select id, to_char(stage_due_on, 'YYYY-MM-DD') as "dueOn" from applications
        where program_id = $1 and status = $2 and stage_due_on is not null order by id for update`,
      [program.id, stage],
    )) as Array<{ id: string; dueOn: string }>;
    const today = cstToday(this.clock);
    const moved: Array<{ applicationId: string; from: string; to: string }> = [];
    for (const { id, dueOn } of running) {
      const to = addWorkingDays(parseCalendarDate(dueOn), shift);
      await manager.query(`update applications set stage_due_on = $2, updated_at = $3, version = version + 1 where id = $1`, [id, to, this.clock.now()]);
      await this.audit.record(manager, {
        action: 'application.stage-due-moved',
        entityType: 'application',
        entityId: id,
        reason,
        data: { stage, from: dueOn, to },
      });
      await scheduleStageJobs(manager, this.outbox, today, id, stage, to, { escalate: true });
      moved.push({ applicationId: id, from: dueOn, to });
    }
    return moved;
  }

  private assertTextAllows(program: ProgramRecord, review: ReviewSettings, setting: string, policy: ReturnType<ProgramPolicy['resolve']>): void {
    const contradictions = procedureProblems(policy, { year: program.year, window: { kind: program.windowKind, opensAt: program.opensAt, closesAt: program.closesAt }, review })
      .filter((p) => p.path === `review.${setting}`)
      .map((p) => ({ ...p, path: 'workingDays' }));
    if (contradictions.length > 0) {
      throw new ProgramContradictsPolicyError({ zh: `期限与政策 ${policy.id} 的规定不符`, en: `The deadline contradicts policy ${policy.id}: workingDays` }, contradictions);
    }
  }
}

/** Who works to the deadline besides the officers: district reviewers also return applications for correction. */
function reviewersOf(stage: DeadlineStage): Recipient[] {
  if (stage === 'correction' || stage === 'district_review') return [{ role: 'district_reviewer' }];
  return stage === 'technical_review' ? [{ role: 'technical_reviewer' }] : [];
}
