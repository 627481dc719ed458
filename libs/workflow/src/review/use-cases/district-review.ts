import { Injectable } from '@nestjs/common';
import { Scope } from '@subsidy/auth';
import { TenantTransactions } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { ApplicationRecord, ApplicationStore, ApplicationTransitions, InvalidStateError, ProgramStore } from '../../core';
import { CorrectionRequests } from '../correction-requests';
import { loadApplicationItems } from '../items/application-items';
import { checkMissingMaterials, normalizeMissing } from '../missing-materials';
import { rejectionNotice } from '../rejection-notice';
import { invalidField } from '../review-errors';
import { ReviewRoute } from '../review-route';
import { MissingMaterial, ReviewSteps } from '../review-steps';

export interface DistrictReviewCommand {
  applicationId: string;
  outcome: 'forward' | 'return' | 'reject';
  reasons?: string[];
  missing?: MissingMaterial[];
  actor: Actor;
}

/** The district's pre-review (初审) of an application from its own district: forward, return for correction, or reject. */
@Injectable()
export class DistrictReview {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly transitions: ApplicationTransitions,
    private readonly corrections: CorrectionRequests,
    private readonly notifier: Notifier,
    private readonly route: ReviewRoute,
  ) {}

  async execute(command: DistrictReviewCommand): Promise<ApplicationRecord> {
    const reasons = (command.reasons ?? []).map((r) => r.trim()).filter((r) => r !== '');
    if (command.outcome !== 'forward' && reasons.length === 0) {
      throw invalidField('reasons', `to ${command.outcome} an application give at least one reason`);
    }
    const missing = normalizeMissing(command.missing);
    const tenantId = RequestContextStore.requireTenantId();
    return this.transactions.run(async (manager) => {
      const application = await ApplicationStore.lock(manager, command.applicationId);
      Scope.assertDistrictAccess(command.actor, application.districtCode);
      if (application.status !== 'district_review') {
        throw new InvalidStateError(`The district review is only possible while the application is in district_review; it is ${application.status}`);
      }
      const program = await ProgramStore.get(manager, application.programId);
      checkMissingMaterials(missing, await loadApplicationItems(manager, application.id));
      if (command.outcome === 'return') {
        return this.corrections.open(manager, { tenantId, application, program, stage: 'district_review', outcome: 'return', reasons, missing, actor: command.actor });
      }
      await ReviewSteps.append(manager, tenantId, { applicationId: application.id, stage: 'district_review', outcome: command.outcome, reasons, missing, actor: command.actor });
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
      return this.transitions.move(manager, application, {
        to: next,
        action: 'application.district-review-passed',
        reason: reasons.join('; ') || null,
        stageDueOn,
        data: { stage: 'district_review' },
      });
    });
  }
}
