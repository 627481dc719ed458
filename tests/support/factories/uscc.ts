import { organizationCodeCheckChar, USCC_ALPHABET, usccCheckChar } from '@subsidy/organizations';
import { randomInt } from 'node:crypto';

export interface UsccSpec {
  authority?: string;
  type?: string;
  division?: string;
  /** The 8-character organization code body; random when omitted. */
  body?: string;
}

/** A valid unified social credit code (both check characters computed); an enterprise in Jinan by default. */
export function makeUscc(spec: UsccSpec = {}): string {
  const body = spec.body ?? Array.from({ length: 8 }, () => USCC_ALPHABET[randomInt(USCC_ALPHABET.length)]).join('');
  const first17 = `${spec.authority ?? '9'}${spec.type ?? '1'}${spec.division ?? '370100'}${body}${organizationCodeCheckChar(body)}`;
  return `${first17}${usccCheckChar(first17)}`;
}
