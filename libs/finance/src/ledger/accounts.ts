/**
 * Ledger accounts, one per kind, program and payer. Every kind is debit-normal except `appropriation`, the source
 * the budget is credited from, so the sum of all balances (debits - credits) over a tenant is always zero.
 *
 *   appropriation ─allocated─▶ budget ─committed─▶ committed ─approved─▶ approved ─instructed─▶ payable ─confirmed─▶ paid
 *   paid ─clawback claimed─▶ clawback_receivable ─received─▶ recovered
 */
export const ACCOUNT_KINDS = ['appropriation', 'budget', 'committed', 'approved', 'payable', 'paid', 'clawback_receivable', 'recovered'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/** Who pays a share: the city, the matching fund, or one district's finance (`district:<code>`). */
export type Payer = string;

export const PAYER_PATTERN = /^(city|matching|district:[0-9]{6})$/;

export interface AccountRef {
  kind: AccountKind;
  programId: string;
  payer: Payer;
}

export function accountCode(account: AccountRef): string {
  return `${account.kind}:${account.programId}:${account.payer}`;
}

export function parseAccountCode(code: string): AccountRef {
  const [kind, programId, ...rest] = code.split(':');
  const payer = rest.join(':');
  if (!(ACCOUNT_KINDS as readonly string[]).includes(kind) || !programId || !PAYER_PATTERN.test(payer)) {
    throw new Error(`not a ledger account code: ${code}`);
  }
  return { kind: kind as AccountKind, programId, payer };
}
