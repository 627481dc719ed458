import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Actor, RequestContextStore } from '@subsidy/tenancy';
import { ApplicationStore } from '../../core';
import { ExpertDeclaration, ExpertDeclarations } from '../panel/expert-declarations';
import { requireOpenPanel, requireSeat } from '../panel/panel-access';

/**
 * An expert on an application's panel declares no conflict of interest with the applicant (无利益冲突声明), which
 * opens the documents and the score sheet to them (ExpertDeclarations.assertDeclared). Recorded once with who and
 * when, and audited; declaring again answers the first record and changes nothing.
 */
@Injectable()
export class DeclareNoConflict {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(applicationId: string, actor: Actor): Promise<ExpertDeclaration> {
    const tenantId = RequestContextStore.requireTenantId();
    return this.transactions.run(async (manager) => {
      const application = await ApplicationStore.lock(manager, applicationId);
      const context = await requireOpenPanel(manager, application);
      const seat = requireSeat(context, actor);
      const { created } = await ExpertDeclarations.insert(manager, tenantId, application.id, actor.id, this.clock.now());
      if (created) {
        await this.audit.record(manager, {
          action: 'application.expert-no-conflict-declared',
          entityType: 'application',
          entityId: application.id,
          data: { expertId: actor.id, round: seat.round },
        });
      }
      const declaration = await ExpertDeclarations.find(manager, application.id, actor.id);
      return declaration as ExpertDeclaration;
    });
  }
}
