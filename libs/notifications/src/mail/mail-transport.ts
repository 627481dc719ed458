import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@subsidy/config';
import { createTransport, Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** `<id@domain>`: the same for every try of one notification, so a mailbox log can be searched for it. */
  messageId: string;
}

/**
 * What became of one send. `refused`: the server never accepted the message (connection refused, envelope or message
 * rejected with a reply code), so trying again cannot double it. `unknown`: the conversation broke off where the
 * message may already have been accepted; sending again could double it.
 */
export type MailOutcome =
  | { kind: 'sent' }
  | { kind: 'refused'; error: string; permanent: boolean }
  | { kind: 'unknown'; error: string };

const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const BEFORE_DATA = new Set(['EENVELOPE', 'EAUTH', 'ETLS', 'EDNS', 'EREQUIRETLS']);

/** One SMTP connection setup per process, created on first use and closed with the application. */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private transporter: Transporter | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return this.config.mail.smtpUrl !== null;
  }

  /** Deterministic per notification; the domain is MAIL_FROM's, so the id is ours in the recipient's mailbox too. */
  messageIdFor(notificationId: string): string {
    const domain = /@([^\s<>@]+)>?\s*$/.exec(this.config.mail.from)?.[1] ?? 'subsidy-hub.local';
    return `<${notificationId}@${domain}>`;
  }

  async send(mail: OutgoingMail): Promise<MailOutcome> {
    const url = this.config.mail.smtpUrl;
    if (url === null) return { kind: 'refused', error: 'SMTP_URL is not configured', permanent: true };
    this.transporter ??= createTransport(url);
    try {
      await this.transporter.sendMail({ from: this.config.mail.from, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
      return { kind: 'sent' };
    } catch (error) {
      return classify(error);
    }
  }

  onModuleDestroy(): void {
    this.transporter?.close();
    this.transporter = null;
  }
}

/** Only failures that provably came before the server accepted anything count as `refused`; the rest are `unknown`. */
export function classify(error: unknown): MailOutcome {
  const e = (error ?? {}) as { message?: string; code?: string; originalCode?: string; responseCode?: number; permanent?: boolean };
  const message = String(e.message ?? error).slice(0, 2000);
  // A reply code is the server saying no (to the connection, the envelope or the message itself): nothing accepted.
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) return { kind: 'refused', error: message, permanent: e.responseCode >= 500 };
  if ((e.code && BEFORE_DATA.has(e.code)) || NOT_CONNECTED.has(e.originalCode ?? '') || NOT_CONNECTED.has(e.code ?? '')) {
    return { kind: 'refused', error: message, permanent: false };
  }
  return { kind: 'unknown', error: message };
}
