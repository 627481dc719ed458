import { queryRows } from '@subsidy/database';
import { JobHandler, NotificationJobPayload, QueueJobHandler } from '@subsidy/queue';
import { EntityManager } from 'typeorm';
import { MailTransport } from './mail-transport';

interface PendingMail {
  email: string | null;
  subject: string;
  body: string;
  emailStatus: 'none' | 'pending' | 'sent' | 'failed';
}

/**
 * Sends the e-mail copy of one notification. A notification already marked sent is skipped, so a redelivered job sends
 * nothing. Delivery is at least once: if the commit after a successful send fails, the retry sends again, which is
 * the lesser evil next to losing the message.
 */
@JobHandler('notifications', 'email.send')
export class SendEmailHandler implements QueueJobHandler<'notifications', 'email.send'> {
  constructor(private readonly mail: MailTransport) {}

  async handle(manager: EntityManager, payload: NotificationJobPayload): Promise<void> {
    const [row] = await queryRows<PendingMail>(
      manager,
      `select email, subject, body, email_status as "emailStatus" from notifications where id = $1 for update`,
      [payload.notificationId],
    );
    if (!row || row.email === null || row.emailStatus === 'sent') return;
    if (!this.mail.configured) {
      // SMTP was switched off after the job was queued: record it instead of retrying a send that cannot happen.
      await manager.query(`update notifications set email_status = 'failed' where id = $1`, [payload.notificationId]);
      return;
    }
    await this.mail.send({ to: row.email, subject: row.subject, text: row.body });
    await manager.query(`update notifications set email_status = 'sent' where id = $1`, [payload.notificationId]);
  }
}
