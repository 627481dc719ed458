import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock, cstEndOfDay, cstStartOfDay, parseCalendarDate } from '@subsidy/calendar';
import { CLOCK, ValidationFailedError } from '@subsidy/common';
import { queryRows } from '@subsidy/database';
import { Notifier } from '@subsidy/notifications';
import { ApplicationStore, ApplicationTransitions } from '../../core';
import { PublicPublicities } from '../queries/public-publicities';
import { PublicityClosedError, PublicityNotFoundError } from '../publicity-errors';
import { PublicityStore } from '../publicity-record';

export interface SubmitObjectionCommand {
  tenantId: string;
  publicityId: string;
  applicationId: string;
  contactName: string;
  contactPhone?: string;
  contactEmail?: string;
  reasons: string;
}

export interface ObjectionReceipt {
  referenceId: string;
  receivedAt: string;
}

/**
 * Anyone may object to an award while its publicity runs (until the end of the last day, CST). The objection is
 * recorded, the application goes to objection review and the program office is told; the objector keeps a reference.
 */
@Injectable()
export class SubmitObjection {
  constructor(
    private readonly publicities: PublicPublicities,
    private readonly transitions: ApplicationTransitions,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: SubmitObjectionCommand): Promise<ObjectionReceipt> {
    if (!command.contactPhone && !command.contactEmail) {
      throw new ValidationFailedError('Invalid request: contactPhone, contactEmail', [
        { path: 'contactPhone', message: 'give a phone number or an e-mail address so the office can reply' },
        { path: 'contactEmail', message: 'give a phone number or an e-mail address so the office can reply' },
      ]);
    }
    return this.publicities.asTenant(command.tenantId, async (manager) => {
      const publicity = await PublicityStore.lock(manager, command.publicityId);
      const now = this.clock.now();
      if (!publicity || now.getTime() < cstStartOfDay(parseCalendarDate(publicity.startsOn)).getTime()) throw new PublicityNotFoundError();
      if (publicity.status !== 'open' || now.getTime() > cstEndOfDay(parseCalendarDate(publicity.endsOn)).getTime()) throw new PublicityClosedError();
      const application = await ApplicationStore.find(manager, command.applicationId);
      if (!application || application.programId !== publicity.programId || !['in_publicity', 'objection_review'].includes(application.status)) {
        throw new ValidationFailedError('Invalid request: applicationId', [{ path: 'applicationId', message: 'is not an award shown in this publicity' }]);
      }
      const [objection] = await queryRows<{ id: string }>(
        manager,
        `insert into objections (tenant_id, publicity_id, application_id, contact_name, contact_phone, contact_email, reasons, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
        [command.tenantId, publicity.id, application.id, command.contactName, command.contactPhone ?? null, command.contactEmail ?? null, command.reasons, now],
      );
      if (application.status === 'in_publicity') {
        const locked = await ApplicationStore.lock(manager, application.id);
        await this.transitions.move(manager, locked, { to: 'objection_review', action: 'application.objection-received', data: { objectionId: objection.id } });
      }
      // The objector's contact details stay out of the audit trail; the objection row holds them for the office.
      await this.audit.record(manager, {
        action: 'objection.received',
        entityType: 'objection',
        entityId: objection.id,
        data: { publicityId: publicity.id, applicationId: application.id },
      });
      await this.notifier.notify(manager, [{ role: 'program_officer' }], {
        kind: 'objection.received',
        subject: '公示期收到异议',
        body: `公示中的申请 ${application.id} 收到异议（编号 ${objection.id}），请复核。`,
        entity: { type: 'objection', id: objection.id },
      });
      return { referenceId: objection.id, receivedAt: now.toISOString() };
    });
  }
}
