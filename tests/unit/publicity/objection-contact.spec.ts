import { contactKeys, emailKey, objectionDigestSlot, phoneKey } from '@subsidy/workflow';
import { PHONE_KEYS } from './support/phone-keys';


describe('objection contact keys', () => {
  it.each(PHONE_KEYS)('phone %j is %j', (phone, key) => {
    expect(phoneKey(phone)).toBe(key);
  });

  it.each([
    ['objector@example.cn', 'objector@example.cn'],
    ['Objector@Example.CN', 'objector@example.cn'],
    ['  li.si@example.cn ', 'li.si@example.cn'],
  ])('e-mail %j is %j', (email, key) => {
    expect(emailKey(email)).toBe(key);
  });

  it('gives null for a contact detail not given', () => {
    expect(contactKeys({ phone: '+86 138 0000 0000' })).toEqual({ phone: '13800000000', email: null });
    expect(contactKeys({ email: 'A@B.cn', phone: '' })).toEqual({ phone: null, email: 'a@b.cn' });
  });
});

describe('objection digest slots', () => {
  it.each([
    ['2024-05-06T09:00:00+08:00', '2024-05-06T09:15:00+08:00', 0],
    ['2024-05-06T09:14:59.999+08:00', '2024-05-06T09:15:00+08:00', 0],
    ['2024-05-06T09:15:00+08:00', '2024-05-06T09:30:00+08:00', 1],
    ['2024-05-06T23:59:00+08:00', '2024-05-07T00:00:00+08:00', 59],
  ])('an objection at %s is told at %s', (at, due, slotsAfterNine) => {
    const slot = objectionDigestSlot('p-1', new Date(at), 900);
    expect(slot.runAt.toISOString()).toBe(new Date(due).toISOString());
    const nine = objectionDigestSlot('p-1', new Date('2024-05-06T09:00:00+08:00'), 900);
    const index = (key: string) => Number(key.split(':').pop());
    expect(index(slot.dedupeKey) - index(nine.dedupeKey)).toBe(slotsAfterNine);
    expect(slot.dedupeKey).toMatch(/^publicity\.objection-digest:p-1:\d+$/);
  });

  it('gives different publicities different jobs in one slot', () => {
    const at = new Date('2024-05-06T09:05:00+08:00');
    expect(objectionDigestSlot('p-1', at, 900).dedupeKey).not.toBe(objectionDigestSlot('p-2', at, 900).dedupeKey);
  });
});
