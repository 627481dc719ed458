import { DomainError } from '@subsidy/common';

export class NotificationNotFoundError extends DomainError {
  readonly code = 'notification_not_found';
  readonly status = 404;
  constructor() {
    super({ zh: '没有找到该通知', en: 'No such notification' });
  }
}
