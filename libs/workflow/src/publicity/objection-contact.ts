/**
 * Who an objection comes from, as the office compares it: one person writing "+86 138-0000-0000" once and
 * "13800000000" the next time is one contact. The database derives the same keys for every stored objection
 * (generated columns objections.contact_phone_key / contact_email_key, migration 1763900009400); these functions give
 * the keys of an incoming objection to compare with them.
 */

export interface ContactKeys {
  phone: string | null;
  email: string | null;
}

/**
 * A phone number's digits, without the mainland country code: "+86 138 0000 0000", "0086-13800000000",
 * "8613800000000" and "138 0000 0000" all become "13800000000". Landlines keep their area code ("010-12345678" →
 * "01012345678"). The same rule is written in SQL in the generated column.
 */
export function phoneKey(phone: string): string {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits.startsWith('0086')) return digits.slice(4);
  if (trimmed.startsWith('+86')) return digits.slice(2);
  // A mobile number (11 digits starting with 1) written with the country code but without the plus.
  if (digits.length === 13 && digits.startsWith('861')) return digits.slice(2);
  return digits;
}

/** An e-mail address trimmed and in lower case (mail systems treat the local part case-insensitively in practice). */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

export function contactKeys(contact: { phone?: string | null; email?: string | null }): ContactKeys {
  return {
    phone: contact.phone ? phoneKey(contact.phone) : null,
    email: contact.email ? emailKey(contact.email) : null,
  };
}
