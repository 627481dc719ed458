import { ValidationFailedError } from '@subsidy/common';

/** Where a page of notifications (newest first) ends: the last row's creation time (to the microsecond) and id. */
export interface NotificationCursor {
  createdAt: string;
  id: string;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeNotificationCursor(cursor: NotificationCursor): string {
  return Buffer.from(`${cursor.createdAt}|${cursor.id}`, 'utf8').toString('base64url');
}

/** An opaque cursor from a previous page; anything else is a 400 naming `cursor`. */
export function decodeNotificationCursor(text: string): NotificationCursor {
  const [createdAt, id, extra] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (extra !== undefined || !createdAt || !id || !TIMESTAMP.test(createdAt) || !UUID.test(id)) {
    throw new ValidationFailedError({ zh: '翻页参数有误，请从第一页重新加载', en: 'Invalid request: cursor' }, [
      { path: 'cursor', message: 'cursor must be a value returned as nextCursor', messageZh: '翻页参数有误' },
    ]);
  }
  return { createdAt, id };
}
