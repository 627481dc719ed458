import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { AuditLog } from '@subsidy/audit';
import { TenantTransactions } from '@subsidy/database';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { ApplicationStore, InvalidStateError, ProgramStore } from '../../core';
import { requireOpenPanel, requireSeat } from '../panel/panel-access';
import { PanelStore } from '../panel/panel-store';
import { PanelTopUps } from '../panel/panel-top-ups';
import { ReviewSteps } from '../review-steps';

export interface ConflictOutcome {
  applicationId: string;
  replacedBy: string[];
  /** How many replacements the pool could not supply; the program officers are told. */
  shortfall: number;
}

/**
 * An expert on the panel declares a conflict of interest (回避): they leave the panel, are excluded from this
 * application for good, and a replacement is drawn deterministically from the recorded seed.
 */
@Injectable()
export class DeclareConflict {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly topUps: PanelTopUps,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(applicationId: string, reason: string, actor: Actor): Promise<ConflictOutcome> {
    const tenantId = RequestContextStore.requireTenantId();
    return this.transactions.run(async (manager) => {
      const application = await ApplicationStore.lock(manager, applicationId);
      const context = await requireOpenPanel(manager, application);
      const seat = requireSeat(context, actor);
      if (seat.status === 'scored') throw new InvalidStateError({ zh: '您已对该申报评分；如需回避，请联系项目主管部门撤回您的评分', en: 'You have already scored this application; ask the program office to withdraw your score' });
      const program = await ProgramStore.get(manager, application.programId);
      await manager.query(
        `insert into expert_conflicts (tenant_id, user_id, application_id, reason) values ($1, $2, $3, $4) on conflict do nothing`,
        [tenantId, actor.id, application.id, reason],
      );
      await PanelStore.setStatus(manager, application.id, [actor.id], 'removed');
      await this.audit.record(manager, {
        action: 'application.panel-conflict-declared',
        entityType: 'application',
        entityId: application.id,
        reason,
        data: { expertId: actor.id, round: context.panel.draw.round },
      });
      await ReviewSteps.append(manager, tenantId, { applicationId: application.id, stage: 'expert_review', outcome: 'conflict_declared', reasons: [reason], actor, at: this.clock.now() });
      const outcome = await this.topUps.replace(manager, {
        tenantId,
        application,
        program,
        panel: context.panel,
        leaving: [actor.id],
        conflicted: [actor.id],
        needed: 1,
        newDeadline: false,
        why: `expert ${actor.id} declared a conflict of interest`,
      });
      return { applicationId: application.id, replacedBy: outcome.added, shortfall: outcome.shortfall };
    });
  }
}
