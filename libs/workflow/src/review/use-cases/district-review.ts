import { applicationStatusZh } from '../../core/status-names';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { AuditLog } from '@subsidy/audit';
import { Scope } from '@subsidy/auth';
import { TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { ApplicationRecord, ApplicationStore, ApplicationTransitions, InvalidStateError, ProgramStore } from '../../core';
import { CorrectionRequests } from '../correction-requests';
import { loadApplicationItems } from '../items/application-items';
import { checkMissingMaterials, normalizeMissing } from '../missing-materials';
import { rejectionNotice } from '../rejection-notice';
import { invalidField } from '../review-errors';
import { ReviewRoute } from '../review-route';
import { MissingMaterial, ReviewSteps } from '../review-steps';
import { notifyStageArrival } from '../stage-arrival';
import { assertHoldsReassignedWork } from '../stage-deadlines';

export interface DistrictReviewCommand {
  applicationId: string;
  outcome: 'forward' | 'return' | 'reject';
  reasons?: string[];
  missing?: MissingMaterial[];
  /** Why a program officer acts in the district reviewer's place (required then; unused for a district reviewer). */
  reason?: string;
  actor: Actor;
}

const OUTCOME_ZH: Record<DistrictReviewCommand['outcome'], string> = { forward: '通过', return: '退回补正', reject: '不予通过' };

/**
 * The district's pre-review (初审) of an application from its own district: forward, return for correction, or reject.
 * A program officer may act in the district reviewer's place (the district has no reviewer, or its reviewer is away
 * and the stage is overdue), with a reason: the step is the same, the review_steps row names the officer's role, an
 * `application.district-review-in-place` audit record carries the reason, and the district's reviewers are told.
 */
@Injectable()
export class DistrictReview {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly transitions: ApplicationTransitions,
    private readonly corrections: CorrectionRequests,
    private readonly notifier: Notifier,
    private readonly route: ReviewRoute,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: DistrictReviewCommand): Promise<ApplicationRecord> {
    const reasons = (command.reasons ?? []).map((r) => r.trim()).filter((r) => r !== '');
    if (command.outcome !== 'forward' && reasons.length === 0) {
      throw invalidField('reasons', { zh: '请至少填写一条理由', en: `to ${command.outcome} an application give at least one reason` });
    }
    const actingInPlace = command.actor.role === 'program_officer';
    const inPlaceReason = command.reason?.trim() ?? '';
    if (actingInPlace && inPlaceReason === '') {
      throw invalidField('reason', { zh: '代替区县审核员办理时须说明理由', en: "a program officer acting in the district reviewer's place must say why" });
    }
    const missing = normalizeMissing(command.missing);
    const tenantId = RequestContextStore.requireTenantId();
    return this.transactions.run(async (manager) => {
      const application = await ApplicationStore.lock(manager, command.applicationId);
      // Work reassigned to one reviewer (of any district) is theirs; otherwise the district's own reviewers'.
      if (application.reviewAssigneeId && command.actor.role === 'district_reviewer') assertHoldsReassignedWork(command.actor, application);
      else Scope.assertDistrictAccess(command.actor, application.districtCode);
      if (application.status !== 'district_review') {
        throw new InvalidStateError({
          zh: `只有区县初审中的申报可以办理初审；该申报当前为“${applicationStatusZh(application.status)}”`,
          en: `The district review is only possible while the application is in district_review; it is ${application.status}`,
        });
      }
      const program = await ProgramStore.get(manager, application.programId);
      checkMissingMaterials(missing, await loadApplicationItems(manager, application.id));
      if (actingInPlace) await this.recordActingInPlace(manager, application, program.title, command.outcome, inPlaceReason);
      if (command.outcome === 'return') {
        return this.corrections.open(manager, { tenantId, application, program, stage: 'district_review', outcome: 'return', reasons, missing, actor: command.actor });
      }
      await ReviewSteps.append(manager, tenantId, { applicationId: application.id, stage: 'district_review', outcome: command.outcome, reasons, missing, actor: command.actor, at: this.clock.now() });
      if (command.outcome === 'reject') {
        const moved = await this.transitions.move(manager, application, {
          to: 'rejected',
          action: 'application.rejected-in-district-review',
          reason: reasons.join('; '),
          data: { stage: 'district_review', reasons },
        });
        await this.notifier.notify(
          manager,
          [{ organizationId: application.organizationId }],
          rejectionNotice(application.id, program.title, 'district_review', reasons),
        );
        return moved;
      }
      const next = await this.route.next(manager, application, program, 'district_review');
      const stageDueOn = await this.route.dueOnEntering(manager, application, program, next);
      const moved = await this.transitions.move(manager, application, {
        to: next,
        action: 'application.district-review-passed',
        reason: reasons.join('; ') || null,
        stageDueOn,
        data: { stage: 'district_review' },
      });
      await notifyStageArrival(this.notifier, manager, moved, program, next, moved.stageDueOn);
      return moved;
    });
  }

  private async recordActingInPlace(
    manager: EntityManager,
    application: ApplicationRecord,
    programTitle: string,
    outcome: DistrictReviewCommand['outcome'],
    reason: string,
  ): Promise<void> {
    await this.audit.record(manager, {
      action: 'application.district-review-in-place',
      entityType: 'application',
      entityId: application.id,
      reason,
      data: { actingFor: 'district_reviewer', districtCode: application.districtCode, outcome },
    });
    await this.notifier.notify(manager, [{ role: 'district_reviewer', districtCode: application.districtCode }], {
      kind: 'application.district-review-in-place',
      subject: `区县初审已由项目主管部门代为办理 / District review done by the program office`,
      body: `《${programTitle}》申报 ${application.id} 的区县初审已由项目主管部门代为办理（${OUTCOME_ZH[outcome]}），理由：${reason}。`,
      entity: { type: 'application', id: application.id },
    });
  }
}
