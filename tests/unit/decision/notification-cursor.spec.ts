import { ValidationFailedError } from '@subsidy/common';
import { decodeNotificationCursor, encodeNotificationCursor } from '@subsidy/notifications';

describe('notification cursor', () => {
  it('round-trips the creation time to the microsecond and the id', () => {
    const cursor = { createdAt: '2025-09-29T02:03:04.123456Z', id: '0b6a0a3e-1c7e-4a55-9a1b-2f1f3b0c9d11' };
    expect(decodeNotificationCursor(encodeNotificationCursor(cursor))).toEqual(cursor);
  });

  it.each(['', 'not-a-cursor', Buffer.from('2025-09-29|x').toString('base64url'), Buffer.from('a|b|c').toString('base64url')])('refuses %p naming the field', (text) => {
    expect(() => decodeNotificationCursor(text)).toThrow(ValidationFailedError);
    try {
      decodeNotificationCursor(text);
    } catch (error) {
      expect((error as ValidationFailedError).details[0].path).toBe('cursor');
    }
  });
});
