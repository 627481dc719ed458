import fc from 'fast-check';
import { ACCOUNT_KINDS, accountCode, AccountRef, assertBalanced, BalanceBook, net, parseAccountCode, Posting, PostingLine, transfer, UnbalancedPostingError } from '@subsidy/finance';

const PROGRAM = '00000000-0000-4000-8000-000000000001';
const account = fc.record({
  kind: fc.constantFrom(...ACCOUNT_KINDS),
  programId: fc.constant(PROGRAM),
  payer: fc.constantFrom('city', 'matching', 'district:371002', 'district:371003'),
});
const fen = fc.bigInt({ min: 1n, max: 10n ** 14n });

/** A balanced posting: some debit lines, and their total split over some credit lines. */
const posting: fc.Arbitrary<Posting> = fc
  .record({
    debits: fc.array(fc.tuple(account, fen), { minLength: 1, maxLength: 4 }),
    creditAccounts: fc.array(account, { minLength: 1, maxLength: 4 }),
    cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }),
  })
  .map(({ debits, creditAccounts, cuts }) => {
    const total = debits.reduce((sum, [, amount]) => sum + amount, 0n);
    // Split the total into as many positive credits as there are credit accounts (at least one fen each).
    const count = BigInt(Math.min(creditAccounts.length, Number(total)));
    const credits: bigint[] = [];
    let left = total;
    for (let i = 0n; i < count - 1n; i++) {
      const room = left - (count - 1n - i);
      const share = 1n + (BigInt(Math.floor((cuts[Number(i)] ?? 0.5) * 1_000_000)) * (room - 1n)) / 1_000_000n;
      credits.push(share);
      left -= share;
    }
    credits.push(left);
    const lines: PostingLine[] = [
      ...debits.map(([a, amount]) => ({ account: a, debitFen: amount, creditFen: 0n })),
      ...credits.map((amount, i) => ({ account: creditAccounts[i], debitFen: 0n, creditFen: amount })),
    ];
    return { kind: 'correction', programId: PROGRAM, memo: 'generated', reference: {}, lines } as Posting;
  });

describe('ledger postings (property-based)', () => {
  it('any sequence of balanced postings keeps the trial balance at zero and each balance equal to its lines', () => {
    fc.assert(
      fc.property(fc.array(posting, { maxLength: 40 }), (postings) => {
        const book = new BalanceBook();
        for (const p of postings) book.apply(p);
        expect(book.trialBalance()).toBe(0n);
        const expected = new Map<string, { debitFen: bigint; creditFen: bigint }>();
        for (const p of postings) {
          for (const line of p.lines) {
            const code = accountCode(line.account);
            const sum = expected.get(code) ?? { debitFen: 0n, creditFen: 0n };
            expected.set(code, { debitFen: sum.debitFen + line.debitFen, creditFen: sum.creditFen + line.creditFen });
          }
        }
        expect(book.codes()).toEqual([...expected.keys()].sort());
        for (const [code, totals] of expected) expect(book.totalsOf(code)).toEqual(totals);
      }),
      { numRuns: 300 },
    );
  });

  it('any posting knocked off balance by some fen is refused and leaves the book as it was', () => {
    fc.assert(
      fc.property(posting, fc.bigInt({ min: 1n, max: 1000n }), (p, delta) => {
        const book = new BalanceBook();
        const lines = p.lines.map((l, i) => (i === 0 ? { ...l, debitFen: l.debitFen + delta } : l));
        expect(() => book.apply({ ...p, lines })).toThrow(UnbalancedPostingError);
        expect(book.codes()).toEqual([]);
      }),
    );
  });
});

describe('postings', () => {
  const a: AccountRef = { kind: 'budget', programId: PROGRAM, payer: 'city' };
  const b: AccountRef = { kind: 'committed', programId: PROGRAM, payer: 'city' };

  it('refuses one-line entries, two-sided lines and empty lines', () => {
    expect(() => assertBalanced([{ account: a, debitFen: 1n, creditFen: 0n }])).toThrow(/at least two/);
    expect(() => assertBalanced([{ account: a, debitFen: 1n, creditFen: 1n }, { account: b, debitFen: 0n, creditFen: 0n }])).toThrow(/either a debit or a credit/);
    expect(() => assertBalanced([{ account: a, debitFen: -1n, creditFen: 0n }, { account: b, debitFen: 0n, creditFen: -1n }])).toThrow(/negative/);
  });

  it('moves money from one account to another and refuses a zero transfer', () => {
    const t = transfer('award_committed', a, b, 5n, 'x');
    const book = new BalanceBook();
    book.apply(t);
    expect(net(book.totalsOf(accountCode(a)))).toBe(-5n);
    expect(net(book.totalsOf(accountCode(b)))).toBe(5n);
    expect(() => transfer('award_committed', a, b, 0n, 'x')).toThrow(UnbalancedPostingError);
  });

  it('round-trips account codes, payers with a colon included', () => {
    const ref: AccountRef = { kind: 'clawback_receivable', programId: PROGRAM, payer: 'district:371002' };
    expect(parseAccountCode(accountCode(ref))).toEqual(ref);
    expect(() => parseAccountCode(`nonsense:${PROGRAM}:city`)).toThrow(/not a ledger account/);
  });
});
