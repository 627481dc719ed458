import { Inject } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { ApplicationRoundJobPayload, JobHandler, QueueJobHandler } from '@subsidy/queue';
import { SYSTEM_ACTOR } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { ApplicationStore, ProgramStore } from '../../core';
import { PanelTopUps } from '../panel/panel-top-ups';
import { PanelStore } from '../panel/panel-store';
import { ReviewSteps } from '../review-steps';

/**
 * At the scoring deadline of a round: members who have not scored are released (declined); if fewer than the quorum
 * have scored, replacements are drawn for a new round with a new deadline. A job of an earlier round does nothing.
 */
@JobHandler('workflow', 'panel.deadline')
export class PanelDeadlineHandler implements QueueJobHandler<'workflow', 'panel.deadline'> {
  constructor(
    private readonly topUps: PanelTopUps,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(manager: EntityManager, payload: ApplicationRoundJobPayload): Promise<void> {
    const found = await ApplicationStore.find(manager, payload.applicationId);
    if (!found) return;
    const application = await ApplicationStore.lock(manager, found.id);
    if (application.status !== 'expert_review') return;
    const panel = await PanelStore.find(manager, application.id);
    if (!panel || panel.draw.round !== payload.round || panel.completedAt) return;
    const program = await ProgramStore.get(manager, application.programId);
    const settings = program.review.panel;
    if (!settings) return;
    const members = await PanelStore.members(manager, application.id);
    const lapsed = members.filter((m) => m.status === 'invited').map((m) => m.expertId);
    const scored = members.filter((m) => m.status === 'scored').length;
    await PanelStore.setStatus(manager, application.id, lapsed, 'declined');
    await this.audit.record(manager, {
      action: 'application.panel-deadline-passed',
      entityType: 'application',
      entityId: application.id,
      reason: lapsed.length > 0 ? `${lapsed.length} expert(s) did not score by the deadline` : null,
      data: { round: payload.round, released: lapsed, scored, quorum: settings.quorum },
    });
    await ReviewSteps.append(manager, payload.tenantId, {
      applicationId: application.id,
      stage: 'expert_review',
      outcome: 'scoring_deadline_passed',
      reasons: lapsed.map((id) => `expert ${id} did not score by the deadline`),
      actor: SYSTEM_ACTOR,
      at: this.clock.now(),
    });
    if (scored >= settings.quorum) {
      // Quorum reached: only the leavers leave; the officer completes the review.
      if (lapsed.length > 0) await this.topUps.release(manager, application.id, panel, lapsed);
      return;
    }
    await this.topUps.replace(manager, {
      tenantId: payload.tenantId,
      application,
      program,
      panel,
      leaving: lapsed,
      needed: settings.quorum - scored,
      newDeadline: true,
      why: 'scoring deadline passed without quorum',
    });
  }
}
