import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail copies are sent at most once (issue 15, "faults that lose or double nothing"): the send job commits its intent
 * (`sending`, the Message-ID it will use, when) before talking to SMTP and records the outcome after (`sent` with the
 * time, or `failed` with the error). An intent found without an outcome means the worker died in between: the job marks
 * it `unknown` instead of sending again, and operators check the mail server's log by the Message-ID.
 */
export class EmailSendIntents1763900012600 implements MigrationInterface {
  name = 'EmailSendIntents1763900012600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE notifications
         ADD COLUMN email_message_id text,
         ADD COLUMN email_sending_at timestamptz,
         ADD COLUMN email_sent_at timestamptz,
         ADD COLUMN email_error text,
         DROP CONSTRAINT notifications_email_status_check,
         ADD CONSTRAINT notifications_email_status_check
           CHECK (email_status IN ('none', 'pending', 'sending', 'sent', 'failed', 'unknown'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // The old check knows neither state: an intent without an outcome and an unknown outcome both read as failed.
    await q.query(`UPDATE notifications SET email_status = 'failed' WHERE email_status IN ('sending', 'unknown')`);
    await q.query(
      `ALTER TABLE notifications
         DROP CONSTRAINT notifications_email_status_check,
         ADD CONSTRAINT notifications_email_status_check CHECK (email_status IN ('none', 'pending', 'sent', 'failed')),
         DROP COLUMN IF EXISTS email_error,
         DROP COLUMN IF EXISTS email_sent_at,
         DROP COLUMN IF EXISTS email_sending_at,
         DROP COLUMN IF EXISTS email_message_id`,
    );
  }
}
