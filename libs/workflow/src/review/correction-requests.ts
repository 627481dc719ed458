import { Inject, Injectable } from '@nestjs/common';
import { addWorkingDays, Clock, cstEndOfDay, cstToday } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { Notifier } from '@subsidy/notifications';
import { Outbox } from '@subsidy/queue';
import { Actor } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { ApplicationRecord, ApplicationTransitions, ProgramRecord } from '../core';
import { MissingMaterial, ReviewSteps } from './review-steps';

export interface CorrectionRequest {
  tenantId: string;
  application: ApplicationRecord;
  program: ProgramRecord;
  stage: 'formal_check' | 'district_review';
  outcome: string;
  reasons: string[];
  missing: MissingMaterial[];
  actor: Actor;
}

/**
 * Returns an application for correction: the deadline is counted in working days from today (CST), the application
 * goes back to the returning stage once corrected, and a lapse job at the end of the deadline day is tied to the
 * current submission round so a resubmission makes it harmless.
 */
@Injectable()
export class CorrectionRequests {
  constructor(
    private readonly transitions: ApplicationTransitions,
    private readonly notifier: Notifier,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async open(manager: EntityManager, request: CorrectionRequest): Promise<ApplicationRecord> {
    const { application, program } = request;
    const dueOn = addWorkingDays(cstToday(this.clock), program.review.correctionWorkingDays);
    await ReviewSteps.append(manager, request.tenantId, {
      applicationId: application.id,
      stage: request.stage,
      outcome: request.outcome,
      reasons: request.reasons,
      missing: request.missing,
      dueOn,
      actor: request.actor,
      at: this.clock.now(),
    });
    const moved = await this.transitions.move(manager, application, {
      to: 'correction_requested',
      action: 'application.returned-for-correction',
      reason: request.reasons.join('; ') || null,
      stageDueOn: dueOn,
      returnStage: request.stage,
      data: { stage: request.stage, missing: request.missing, round: application.submissionCount },
    });
    await this.outbox.enqueue(
      manager,
      'workflow',
      'application.correction-lapse',
      { tenantId: request.tenantId, applicationId: application.id, round: application.submissionCount },
      { runAt: cstEndOfDay(dueOn), dedupeKey: `correction-lapse:${application.id}:${application.submissionCount}:${request.stage}` },
    );
    await this.notifier.notify(manager, [{ organizationId: application.organizationId }], {
      kind: 'application.returned-for-correction',
      subject: `申报材料需补正（截止 ${dueOn}）/ Correction needed by ${dueOn}`,
      body: correctionBody(program.title, dueOn, request.reasons, request.missing),
      entity: { type: 'application', id: application.id },
    });
    return moved;
  }
}

function correctionBody(programTitle: string, dueOn: string, reasons: string[], missing: MissingMaterial[]): string {
  const lines = [`项目：${programTitle}`, `请于 ${dueOn}（含当日）前补正并重新提交，逾期视为放弃申报。`];
  if (reasons.length > 0) lines.push('原因：', ...reasons.map((r) => `- ${r}`));
  if (missing.length > 0) {
    lines.push('需补充或更正的材料：');
    for (const m of missing) lines.push(`- ${m.achievementId ? `[${m.achievementId}] ` : ''}${m.material}${m.note ? `：${m.note}` : ''}`);
  }
  return lines.join('\n');
}
