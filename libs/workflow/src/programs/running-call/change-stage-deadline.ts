import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK, ValidationFailedError } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Notifier, Recipient } from '@subsidy/notifications';
import { ConcurrentChangeError, InvalidStateError, ProgramRecord, ProgramStatus, ProgramStore, ReviewSettings } from '../../core';
import { procedureProblems } from '../procedure-template';
import { ProgramContradictsPolicyError } from '../program-errors';
import { ProgramPolicy } from '../program-policy';
import { ProgramRows } from '../program-row-writes';
import { ProgramView, toProgramView } from '../program-view';
import { callAudience } from './call-audience';
import { RunningCallRows } from './running-call-rows';

/** The stages with a deadline of their own in the review settings. */
export const DEADLINE_STAGES = ['formal_check', 'correction'] as const;
export type DeadlineStage = (typeof DEADLINE_STAGES)[number];

const SETTING = { formal_check: 'formalCheckWorkingDays', correction: 'correctionWorkingDays' } as const;
const STAGE_ZH: Record<DeadlineStage, string> = { formal_check: '形式审查', correction: '补正' };
/** Deadlines still matter until the call is handed to finance; a draft is edited with PUT instead. */
const CHANGEABLE: readonly ProgramStatus[] = ['scheduled', 'open', 'closed', 'decided', 'publicized'];

export interface ChangeStageDeadlineCommand {
  programId: string;
  stage: DeadlineStage;
  workingDays: number;
  reason: string;
}

/**
 * Changes a stage's deadline in working days: the formal check (the office's own deadline) or the correction period
 * (the applicant's). It applies to every application entering the stage from now on, counted from the day it enters,
 * as before; a deadline already running keeps its date (and its job). The text binds as on create: the formal check at
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
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ programId, stage, workingDays, reason }: ChangeStageDeadlineCommand): Promise<ProgramView> {
    return this.transactions.run(async (manager) => {
      const program = await ProgramStore.lock(manager, programId);
      if (!CHANGEABLE.includes(program.status)) {
        throw new InvalidStateError(`A stage deadline of a ${program.status} program cannot be changed${program.status === 'draft' ? ' here; edit the draft with PUT' : ''}`);
      }
      if (stage === 'formal_check' && !program.review.stages.formal_check) {
        throw new ValidationFailedError({ zh: '该项目不进行形式审查', en: 'The program has no formal check' }, [
          { path: 'stage', message: 'the program runs no formal check', messageZh: '该项目不进行形式审查' },
        ]);
      }
      const policy = this.programPolicy.resolve(program);
      const setting = SETTING[stage];
      const review: ReviewSettings = { ...program.review, [setting]: workingDays };
      this.assertTextAllows(program, review, setting, policy);
      const changed = await RunningCallRows.replaceReview(manager, program, review, this.clock.now());
      if (!changed) throw new ConcurrentChangeError('program');
      const from = program.review[setting];
      await this.audit.record(manager, {
        action: 'program.stage-deadline-changed',
        entityType: 'program',
        entityId: program.id,
        reason,
        data: { stage, setting, from, to: workingDays, version: changed.version },
      });
      await this.notifier.notify(manager, [...(await callAudience(manager, program.id)), ...reviewersOf(stage)], {
        kind: 'program.stage-deadline-changed',
        subject: `${program.title} ${STAGE_ZH[stage]}期限调整为 ${workingDays} 个工作日`,
        body: `项目「${program.title}」的${STAGE_ZH[stage]}期限由 ${from ?? '不限'} 个工作日调整为 ${workingDays} 个工作日，自进入该环节之日起计算，适用于此后进入该环节的申报；已在计算中的期限不变。原因：${reason}`,
        entity: { type: 'program', id: program.id },
      });
      const sources = await ProgramRows.sources(manager, [program.id]);
      return toProgramView(changed, sources.get(program.id) ?? [], policy);
    });
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
  return stage === 'correction' ? [{ role: 'district_reviewer' }] : [];
}
