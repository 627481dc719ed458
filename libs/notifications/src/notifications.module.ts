import { Global, Module } from '@nestjs/common';
import { MyNotifications } from './http/my-notifications';
import { NotificationsController } from './http/notifications.controller';
import { EmailOutcomeUnknown } from './mail/email-outcome-unknown';
import { MailTransport } from './mail/mail-transport';
import { SendEmailHandler } from './mail/send-email.handler';
import { Notifier } from './notifier';

/** Notifications in the product, their HTTP surface and their e-mail copies (job notifications/email.send). */
@Global()
@Module({
  controllers: [NotificationsController],
  providers: [Notifier, MailTransport, EmailOutcomeUnknown, SendEmailHandler, MyNotifications],
  exports: [Notifier],
})
export class NotificationsModule {}
