import { Injectable } from '@nestjs/common';
import { AuditLog } from '@subsidy/audit';
import { JobContext } from '@subsidy/queue';
import { EntityManager } from 'typeorm';
import { Notifier } from '../notifier';

export interface UnknownSend {
  notificationId: string;
  email: string;
  subject: string;
  messageId: string | null;
  /** Why the outcome is unknown, kept in email_error and the audit record. */
  reason: string;
}

/**
 * An e-mail that may or may not have gone out: never sent again (at most once), but marked `unknown`, audited and
 * reported in the product (not by e-mail, the channel in doubt) to the tenant's administrators and any platform
 * administrator of the tenant, so a person checks the mail server's log for the Message-ID and tells the recipient
 * by hand if it is not there.
 */
@Injectable()
export class EmailOutcomeUnknown {
  constructor(
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
  ) {}

  async record(manager: EntityManager, send: UnknownSend, context: JobContext): Promise<void> {
    await manager.query(`update notifications set email_status = 'unknown', email_error = $2 where id = $1`, [send.notificationId, send.reason.slice(0, 2000)]);
    await this.audit.record(manager, {
      action: 'notification.email-unknown',
      entityType: 'notification',
      entityId: send.notificationId,
      reason: send.reason,
      data: { messageId: send.messageId, outboxId: context.outboxId, attempt: context.attempt },
    });
    const messageId = send.messageId ?? '-';
    await this.notifier.notify(
      manager,
      [{ role: 'tenant_admin' }, { role: 'platform_admin' }],
      {
        kind: 'notification.email-unknown',
        subject: `邮件是否送达未知：${send.subject} / E-mail delivery unknown: ${send.subject}`,
        body:
          `发给 ${send.email} 的邮件「${send.subject}」在发送过程中中断，系统无法确认是否已送达，为避免重复不会自动重发。` +
          `请在邮件服务器日志中按 Message-ID ${messageId} 核对，如未送达请人工联系收件人。\n` +
          `The e-mail "${send.subject}" to ${send.email} was interrupted while being sent; whether it arrived is unknown, and it ` +
          `is not resent automatically so that it cannot arrive twice. Check the mail server's log for Message-ID ${messageId} ` +
          `and contact the recipient by hand if it is not there.`,
        entity: { type: 'notification', id: send.notificationId },
      },
      { email: false },
    );
  }
}
