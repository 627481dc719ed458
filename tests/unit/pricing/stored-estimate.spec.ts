import { storedEstimateParts } from '@subsidy/workflow';

const HASH = 'a'.repeat(64);
const estimate = (items: unknown[], hash = HASH) => ({ applicationDate: '2024-03-20', programYear: 2024, policy: { id: 'p', hash }, totalFen: 0, items });
const good = { achievementId: 'a1', itemId: 'x', outcome: 'awarded', amountFen: 8_000_000, basis: 'fixed', article: '第七条', reasons: [], trace: [] };

describe('storedEstimateParts', () => {
  it('reads the priced parts of an estimate made under the same policy text', () => {
    expect(storedEstimateParts(estimate([good, { ...good, achievementId: 'a2', outcome: 'rejected', amountFen: 0, basis: null, article: null }]), HASH)).toEqual([
      { achievementId: 'a1', itemId: 'x', outcome: 'awarded', amountFen: 8_000_000, basis: 'fixed', article: '第七条' },
      { achievementId: 'a2', itemId: 'x', outcome: 'rejected', amountFen: 0, basis: null, article: null },
    ]);
  });

  it('ignores an estimate made under another policy text', () => {
    expect(storedEstimateParts(estimate([good], 'b'.repeat(64)), HASH)).toBeNull();
  });

  it.each([
    ['no estimate', null],
    ['not an object', 'x'],
    ['no items', { policy: { hash: HASH } }],
    ['a fractional amount', estimate([{ ...good, amountFen: 1.5 }])],
    ['a negative amount', estimate([{ ...good, amountFen: -1 }])],
    ['an unknown basis', estimate([{ ...good, basis: 'rate' }])],
    ['an unknown outcome', estimate([{ ...good, outcome: 'maybe' }])],
    ['a missing achievement id', estimate([{ ...good, achievementId: 7 }])],
    ['an amount in a string', estimate([{ ...good, amountFen: '100' }])],
    ['an item id that is not text', estimate([{ ...good, itemId: 7 }])],
    ['no policy hash', { ...estimate([good]), policy: { id: 'p' } }],
    // A bare engine result is not what SubmitApplication stores: its items sit under applicants[0].
    ['an engine result instead of a stored estimate', { tenant: 'foshan', policy: { id: 'p', hash: HASH }, applicants: [{ uscc: 'x', totalFen: 0, items: [good] }] }],
  ])('refuses %s so the policy is evaluated afresh', (_label, value) => {
    expect(storedEstimateParts(value, HASH)).toBeNull();
  });
});
