export * from './notifications.module';
export * from './notifier';
export * from './recipient';
export * from './notification-errors';
export * from './mail/mail-transport';
export * from './mail/send-email.handler';
export * from './http/notification-cursor';
export * from './http/my-notifications';
