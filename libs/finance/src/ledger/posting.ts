import { AccountRef } from './accounts';

export const ENTRY_KINDS = [
  'budget_allocated',
  'budget_reduced',
  'award_committed',
  'commitment_released',
  'share_approved',
  'payment_instructed',
  'payment_failed',
  'payment_confirmed',
  'clawback_claimed',
  'clawback_received',
  'correction',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export interface PostingLine {
  account: AccountRef;
  debitFen: bigint;
  creditFen: bigint;
}

/** One journal entry to be written: its lines must balance. */
export interface Posting {
  kind: EntryKind;
  programId: string;
  memo: string;
  /** Ids of the business records the entry moves money for (award, share, batch line...), for tracing. */
  reference: Record<string, string | number>;
  lines: PostingLine[];
  /** The entry this one corrects (a correction is a new entry, never an edit). */
  corrects?: string;
}

export class UnbalancedPostingError extends Error {
  constructor(message: string) {
    super(`unbalanced ledger posting: ${message}`);
  }
}

/** Refuses a posting that could not be a valid entry: fewer than two lines, a line both or neither side, or debits ≠ credits. */
export function assertBalanced(lines: readonly PostingLine[]): void {
  if (lines.length < 2) throw new UnbalancedPostingError(`${lines.length} line(s); an entry needs at least two`);
  let debits = 0n;
  let credits = 0n;
  for (const [index, line] of lines.entries()) {
    if (line.debitFen < 0n || line.creditFen < 0n) throw new UnbalancedPostingError(`line ${index + 1} has a negative amount`);
    if ((line.debitFen > 0n) === (line.creditFen > 0n)) throw new UnbalancedPostingError(`line ${index + 1} must be either a debit or a credit`);
    debits += line.debitFen;
    credits += line.creditFen;
  }
  if (debits !== credits) throw new UnbalancedPostingError(`debits ${debits} fen ≠ credits ${credits} fen`);
}

/** The usual two-line movement: `amountFen` leaves `from` (credited) and arrives in `to` (debited). */
export function transfer(
  kind: EntryKind,
  from: AccountRef,
  to: AccountRef,
  amountFen: bigint,
  memo: string,
  reference: Record<string, string | number> = {},
): Posting {
  if (amountFen <= 0n) throw new UnbalancedPostingError(`a transfer moves a positive amount, not ${amountFen} fen`);
  if (from.programId !== to.programId) throw new UnbalancedPostingError('a transfer stays within one program');
  return {
    kind,
    programId: to.programId,
    memo,
    reference,
    lines: [
      { account: to, debitFen: amountFen, creditFen: 0n },
      { account: from, debitFen: 0n, creditFen: amountFen },
    ],
  };
}
