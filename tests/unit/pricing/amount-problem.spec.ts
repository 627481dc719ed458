import { amountProblem } from '@subsidy/workflow';

describe('amountProblem', () => {
  const upTo = { achievementId: 'a1', ceilingFen: 50_000_000, basis: 'ceiling' as const, article: '第八条' };
  const fixed = { achievementId: 'a2', ceilingFen: 10_000_000, basis: 'fixed' as const, article: '第七条' };
  const small = { achievementId: 'a', ceilingFen: 1000, basis: 'ceiling' as const, article: null };

  it('accepts anything from 0 to a ceiling', () => {
    expect(amountProblem(0, upTo)).toBeNull();
    expect(amountProblem(50_000_000, upTo)).toBeNull();
    expect(amountProblem(12_345_678, upTo)).toBeNull();
    expect(amountProblem(0, small)).toBeNull();
    expect(amountProblem(1000, small)).toBeNull();
  });

  it('refuses more than the ceiling, fractions, negatives and unknown items', () => {
    expect(amountProblem(50_000_001, upTo)).toBe("50000001 fen is above the item's ceiling of 50000000 fen");
    expect(amountProblem(1001, small)).toMatch(/above the item's ceiling of 1000 fen/);
    expect(amountProblem(100.5, upTo)).toMatch(/whole number/);
    expect(amountProblem(-1, upTo)).toMatch(/whole number/);
    expect(amountProblem(1, undefined)).toBe('is not an item of this application');
  });

  it('allows only the fixed amount or nothing for a fixed item', () => {
    expect(amountProblem(10_000_000, fixed)).toBeNull();
    expect(amountProblem(0, fixed)).toBeNull();
    expect(amountProblem(5_000_000, fixed)).toBe('the policy grants this item a fixed 10000000 fen: decide 10000000 or 0');
    expect(amountProblem(999, { ...small, basis: 'fixed' })).toMatch(/fixed 1000 fen/);
  });
});
