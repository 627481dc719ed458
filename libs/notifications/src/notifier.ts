import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@subsidy/calendar';
import { CLOCK } from '@subsidy/common';
import { APP_CONFIG, AppConfig } from '@subsidy/config';
import { queryRows } from '@subsidy/database';
import { Outbox } from '@subsidy/queue';
import { RequestContextStore } from '@subsidy/tenancy';
import { EntityManager } from 'typeorm';
import { NotificationMessage, Recipient } from './recipient';

interface Target {
  userId: string | null;
  organizationId: string | null;
  email: string | null;
}

/**
 * Writes in-product notifications in the caller's transaction, so a step and the news of it commit together.
 * Where SMTP is configured, each notification with an address also gets a `notifications/email.send` job in the same
 * transaction: the e-mail goes out exactly when the step commits, and never for a step that rolled back.
 */
@Injectable()
export class Notifier {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `options.email: false` keeps the notice in the product even where SMTP is on (e.g. news that e-mail itself failed). */
  async notify(manager: EntityManager, recipients: Recipient[], message: NotificationMessage, options: { email?: boolean } = {}): Promise<string[]> {
    const tenantId = RequestContextStore.requireTenantId();
    const targets = await this.resolve(manager, recipients);
    const mailing = this.config.mail.smtpUrl !== null && options.email !== false;
    const now = this.clock.now();
    const ids: string[] = [];
    for (const target of targets) {
      const emailed = mailing && target.email !== null;
      const [row] = await queryRows<{ id: string }>(
        manager,
        `insert into notifications (tenant_id, user_id, organization_id, email, kind, subject, body, entity_type, entity_id, email_status, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
        [
          tenantId,
          target.userId,
          target.organizationId,
          target.email,
          message.kind,
          message.subject,
          message.body,
          message.entity?.type ?? null,
          message.entity?.id ?? null,
          emailed ? 'pending' : 'none',
          now,
        ],
      );
      if (emailed) {
        await this.outbox.enqueue(manager, 'notifications', 'email.send', { tenantId, notificationId: row.id }, {
          // Due "now" by the injected clock, the one the relay compares run_at with.
          runAt: now,
          dedupeKey: `email.send:${row.id}`,
        });
      }
      ids.push(row.id);
    }
    return ids;
  }

  private async resolve(manager: EntityManager, recipients: Recipient[]): Promise<Target[]> {
    const targets = new Map<string, Target>();
    const add = (t: Target) => targets.set(`${t.userId}|${t.organizationId}|${t.email}`, t);
    for (const r of recipients) {
      if ('userId' in r) {
        const rows = await queryRows<{ email: string | null }>(manager, `select email from users where id = $1 and active`, [r.userId]);
        if (rows[0]) add({ userId: r.userId, organizationId: null, email: rows[0].email });
      } else if ('organizationId' in r) {
        const users = await queryRows<{ id: string; email: string | null }>(
          manager,
          `select id, email from users where organization_id = $1 and active order by id`,
          [r.organizationId],
        );
        for (const u of users) add({ userId: u.id, organizationId: r.organizationId, email: u.email });
      } else if ('role' in r) {
        const users = await queryRows<{ id: string; email: string | null }>(
          manager,
          `select id, email from users where role = $1 and active and ($2::text is null or district_code = $2) order by id`,
          [r.role, r.districtCode ?? null],
        );
        for (const u of users) add({ userId: u.id, organizationId: null, email: u.email });
      } else {
        add({ userId: null, organizationId: null, email: r.email });
      }
    }
    return [...targets.values()];
  }
}
