import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { Clock, cstEndOfDay, cstStartOfDay, parseCalendarDate } from '@subsidy/calendar';
import { CLOCK, ValidationFailedError } from '@subsidy/common';
import { APP_CONFIG, AppConfig } from '@subsidy/config';
import { queryRows } from '@subsidy/database';
import { Outbox } from '@subsidy/queue';
import { EntityManager } from 'typeorm';
import { ApplicationStore, ApplicationTransitions } from '../../core';
import { objectionDigestSlot } from '../jobs/objection-digest-slot';
import { ContactKeys, contactKeys } from '../objection-contact';
import { PublicPublicities } from '../queries/public-publicities';
import { ObjectionAlreadyResolvedError, PublicityClosedError, PublicityNotFoundError, TooManyOpenObjectionsError } from '../publicity-errors';
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
  /** True when this contact had already objected to this award: the answer is the first objection's reference. */
  repeated: boolean;
}

/** An earlier objection of the same contact to the same award in this publicity. */
interface EarlierObjection {
  id: string;
  status: 'received' | 'upheld' | 'dismissed';
  createdAt: Date;
}

/**
 * Anyone may object to an award while its publicity runs (until the end of the last day, CST). The objection is
 * recorded, the application goes to objection review, and the program officers hear of it in the publicity's next
 * digest (publicity.objection-digest); the objector keeps a reference.
 *
 * Against floods (besides the per-address limit at the endpoint): one contact (phone or e-mail, compared normalized)
 * objects to one award once per publicity. Sending the same objection again answers with the first reference
 * (`repeated: true`, nothing new held); once that objection was answered, 409 `objection_already_resolved`. One contact
 * has at most `objections.openPerContact` objections under review in a publicity (409 `too_many_open_objections`).
 * The publicity row lock serializes all of this per publicity.
 */
@Injectable()
export class SubmitObjection {
  constructor(
    private readonly publicities: PublicPublicities,
    private readonly transitions: ApplicationTransitions,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  execute(command: SubmitObjectionCommand): Promise<ObjectionReceipt> {
    if (!command.contactPhone && !command.contactEmail) {
      throw new ValidationFailedError({ zh: '请留下联系电话或电子邮箱，以便答复', en: 'Invalid request: contactPhone, contactEmail' }, [
        { path: 'contactPhone', message: 'give a phone number or an e-mail address so the office can reply', messageZh: '请填写联系电话或电子邮箱' },
        { path: 'contactEmail', message: 'give a phone number or an e-mail address so the office can reply', messageZh: '请填写联系电话或电子邮箱' },
      ]);
    }
    return this.publicities.asTenant(command.tenantId, async (manager) => {
      const publicity = await PublicityStore.lock(manager, command.publicityId);
      const now = this.clock.now();
      if (!publicity || now.getTime() < cstStartOfDay(parseCalendarDate(publicity.startsOn)).getTime()) throw new PublicityNotFoundError();
      if (publicity.status !== 'open' || now.getTime() > cstEndOfDay(parseCalendarDate(publicity.endsOn)).getTime()) throw new PublicityClosedError();
      const application = await ApplicationStore.find(manager, command.applicationId);
      if (!application || application.programId !== publicity.programId || !['in_publicity', 'objection_review'].includes(application.status)) {
        throw new ValidationFailedError({ zh: '所选资助不在本次公示名单中', en: 'Invalid request: applicationId' }, [
          { path: 'applicationId', message: 'is not an award shown in this publicity', messageZh: '不在本次公示名单中' },
        ]);
      }
      const keys = contactKeys({ phone: command.contactPhone, email: command.contactEmail });
      const earlier = await this.earlierObjection(manager, publicity.id, application.id, keys);
      if (earlier?.status === 'received') return { referenceId: earlier.id, receivedAt: earlier.createdAt.toISOString(), repeated: true };
      if (earlier) throw new ObjectionAlreadyResolvedError(earlier.id);
      const limit = this.config.objections.openPerContact;
      if ((await this.openObjections(manager, publicity.id, keys)) >= limit) {
        throw new TooManyOpenObjectionsError(limit, keys.phone !== null ? 'contactPhone' : 'contactEmail');
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
      const digest = objectionDigestSlot(publicity.id, now, this.config.objections.digestSeconds);
      await this.outbox.enqueue(manager, 'workflow', 'publicity.objection-digest', { tenantId: command.tenantId, publicityId: publicity.id }, digest);
      return { referenceId: objection.id, receivedAt: now.toISOString(), repeated: false };
    });
  }

  private async earlierObjection(manager: EntityManager, publicityId: string, applicationId: string, keys: ContactKeys): Promise<EarlierObjection | undefined> {
    const [earlier] = await queryRows<EarlierObjection>(
      manager,
      `select id, status, created_at as "createdAt" from objections
        where publicity_id = $1 and application_id = $2 and (contact_phone_key = $3 or contact_email_key = $4)
        order by (status = 'received') desc, created_at, id
        limit 1`,
      [publicityId, applicationId, keys.phone, keys.email],
    );
    return earlier;
  }

  private async openObjections(manager: EntityManager, publicityId: string, keys: ContactKeys): Promise<number> {
    const [row] = await queryRows<{ open: number }>(
      manager,
      `select count(*)::int as open from objections
        where publicity_id = $1 and status = 'received' and (contact_phone_key = $2 or contact_email_key = $3)`,
      [publicityId, keys.phone, keys.email],
    );
    return row.open;
  }
}
