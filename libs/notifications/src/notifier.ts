import { Injectable } from '@nestjs/common';
import { queryRows } from '@subsidy/database';
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
 * E-mail, where configured, is sent by a queued job reading these rows (notifications/email.send).
 */
@Injectable()
export class Notifier {
  async notify(manager: EntityManager, recipients: Recipient[], message: NotificationMessage): Promise<string[]> {
    const tenantId = RequestContextStore.requireTenantId();
    const targets = await this.resolve(manager, recipients);
    const ids: string[] = [];
    for (const target of targets) {
      const [row] = await queryRows<{ id: string }>(
        manager,
        `insert into notifications (tenant_id, user_id, organization_id, email, kind, subject, body, entity_type, entity_id)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
        [tenantId, target.userId, target.organizationId, target.email, message.kind, message.subject, message.body, message.entity?.type ?? null, message.entity?.id ?? null],
      );
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
