import { applicationStatusZh } from './status-names';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { queryRows } from '@subsidy/database';
import { EntityManager } from 'typeorm';
import { ApplicationRecord, ApplicationStore } from './application-record';
import { ApplicationStatus, canMove, ReviewStage } from './application-status';
import { InvalidStateError } from './workflow-errors';

export interface Move {
  to: ApplicationStatus;
  /** Audit action, e.g. `application.returned-for-correction`; defaults to `application.<to>`. */
  action?: string;
  reason?: string | null;
  /** The deadline of the stage the application enters (a correction, a formal check), as a CST date. */
  stageDueOn?: string | null;
  /** For a return for correction: the stage the corrected application goes back to. */
  returnStage?: ReviewStage | null;
  data?: Record<string, unknown>;
}

/**
 * The one place an application changes status: checks the move against the state machine, updates the locked row
 * and appends the audit record, all in the caller's transaction (which also writes any outbox job the move causes).
 */
@Injectable()
export class ApplicationTransitions {
  constructor(
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async move(manager: EntityManager, application: ApplicationRecord, move: Move): Promise<ApplicationRecord> {
    if (!canMove(application.status, move.to)) {
      throw new InvalidStateError({
        zh: `申报当前为“${applicationStatusZh(application.status)}”，不能转为“${applicationStatusZh(move.to)}”`,
        en: `An application that is ${application.status} cannot become ${move.to}`,
      });
    }
    const [updated] = await queryRows<ApplicationRecord>(
      manager,
      `update applications
          set status = $2, stage_due_on = $3, return_stage = $4, review_assignee_id = null, updated_at = $5, version = version + 1
        where id = $1 and version = $6
        returning ${ApplicationStore.COLUMNS}`,
      [application.id, move.to, move.stageDueOn ?? null, move.returnStage ?? null, this.clock.now(), application.version],
    );
    if (!updated) throw new InvalidStateError({ zh: '该申报已被他人修改，请刷新后重试', en: 'The application was changed meanwhile; reload it and try again' });
    await this.audit.record(manager, {
      action: move.action ?? `application.${move.to}`,
      entityType: 'application',
      entityId: application.id,
      reason: move.reason ?? null,
      data: { from: application.status, to: move.to, ...(move.stageDueOn ? { dueOn: move.stageDueOn } : {}), ...(move.data ?? {}) },
    });
    return updated;
  }
}
