import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { TenantTransactions } from '@subsidy/database';
import { Actor } from '@subsidy/tenancy';
import { ApplicationAccess } from '../application-access';

export interface DeclareTruthCommand {
  actor: Actor;
  applicationId: string;
  statement: string;
}

/** The applicant declares that what it submits is true and complete (承诺书); submission requires it. */
@Injectable()
export class DeclareTruth {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: DeclareTruthCommand): Promise<{ applicationId: string; declaredAt: string; declaredBy: string }> {
    return this.transactions.run(async (manager) => {
      const application = await ApplicationAccess.lockForApplicant(manager, command.actor, command.applicationId);
      ApplicationAccess.assertEditable(application);
      const declaredAt = this.clock.now();
      await manager.query(`update applications set declared_at = $2, declared_by = $3, updated_at = $2 where id = $1`, [
        application.id,
        declaredAt,
        command.actor.id,
      ]);
      await this.audit.record(manager, {
        action: 'application.declared',
        entityType: 'application',
        entityId: application.id,
        data: { statement: command.statement },
      });
      return { applicationId: application.id, declaredAt: declaredAt.toISOString(), declaredBy: command.actor.id };
    });
  }
}
