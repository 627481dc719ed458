import { queryRows } from '@subsidy/database';
import { ExternalEffect, JobContext, JobHandler, NotificationJobPayload, QueueJobHandler } from '@subsidy/queue';
import { UnrecoverableError } from 'bullmq';
import { EntityManager } from 'typeorm';
import { EmailOutcomeUnknown } from './email-outcome-unknown';
import { MailOutcome, MailTransport } from './mail-transport';

interface PendingMail {
  email: string | null;
  subject: string;
  body: string;
  emailStatus: 'none' | 'pending' | 'sending' | 'sent' | 'failed' | 'unknown';
  messageId: string | null;
}

/**
 * Sends the e-mail copy of one notification AT MOST ONCE, in the runner's two phases (ExternalEffect in @subsidy/queue):
 * 1. this transaction records the intent (`sending`, the deterministic Message-ID, the time) and commits it;
 * 2. the message goes out with that Message-ID, outside any transaction;
 * 3. a second transaction records the outcome: `sent` with the time, `failed` with the error when the server provably
 *    accepted nothing (the job is retried; a 5xx refusal is not), or `unknown`.
 * A try that finds `sending` knows a worker died between 2 and 3: it does not send again, it marks the e-mail
 * `unknown` and tells the operators (EmailOutcomeUnknown). Doing it in the job's own transactions, rather than on a
 * second connection beside the runner's, means no job ever holds two pooled connections, so DATABASE_POOL_SIZE (10 by
 * default) needs no relation to the workers' combined concurrency (16).
 */
@JobHandler('notifications', 'email.send')
export class SendEmailHandler implements QueueJobHandler<'notifications', 'email.send'> {
  constructor(
    private readonly mail: MailTransport,
    private readonly unknown: EmailOutcomeUnknown,
  ) {}

  async handle(manager: EntityManager, payload: NotificationJobPayload, context?: JobContext): Promise<ExternalEffect | void> {
    const id = payload.notificationId;
    const job = context ?? { outboxId: '-', queue: 'notifications', jobName: 'email.send', attempt: 1 };
    const [row] = await queryRows<PendingMail>(
      manager,
      `select email, subject, body, email_status as "emailStatus", email_message_id as "messageId" from notifications where id = $1 for update`,
      [id],
    );
    if (!row || row.email === null || row.emailStatus === 'sent' || row.emailStatus === 'unknown') return;
    if (row.emailStatus === 'sending') {
      const reason = 'the worker stopped after the send began and before its outcome was recorded';
      await this.unknown.record(manager, { notificationId: id, email: row.email, subject: row.subject, messageId: row.messageId, reason }, job);
      return;
    }
    if (!this.mail.configured) {
      // SMTP was switched off after the job was queued: record it instead of retrying a send that cannot happen.
      await manager.query(`update notifications set email_status = 'failed', email_error = 'SMTP_URL is not configured' where id = $1`, [id]);
      return;
    }
    const messageId = this.mail.messageIdFor(id);
    // clock_timestamp(): the wall time, to compare with the mail server's log (not the job clock, which tests move).
    await manager.query(
      `update notifications set email_status = 'sending', email_message_id = $2, email_sending_at = clock_timestamp(), email_error = null where id = $1`,
      [id, messageId],
    );
    const mail = { to: row.email, subject: row.subject, text: row.body, messageId };
    let outcome: MailOutcome = { kind: 'unknown', error: 'the send did not run' };
    return {
      perform: async () => {
        outcome = await this.mail.send(mail);
      },
      record: (next) => this.recordOutcome(next, { notificationId: id, email: mail.to, subject: mail.subject, messageId }, outcome, job),
    };
  }

  private async recordOutcome(
    manager: EntityManager,
    send: { notificationId: string; email: string; subject: string; messageId: string },
    outcome: MailOutcome,
    context: JobContext,
  ): Promise<Error | void> {
    if (outcome.kind === 'sent') {
      await manager.query(`update notifications set email_status = 'sent', email_sent_at = clock_timestamp(), email_error = null where id = $1`, [send.notificationId]);
      return;
    }
    if (outcome.kind === 'unknown') {
      await this.unknown.record(manager, { ...send, reason: outcome.error }, context);
      return;
    }
    await manager.query(`update notifications set email_status = 'failed', email_error = $2 where id = $1`, [send.notificationId, outcome.error]);
    const error = `E-mail ${send.messageId} was refused: ${outcome.error}`;
    return outcome.permanent ? new UnrecoverableError(error) : new Error(error);
  }
}
